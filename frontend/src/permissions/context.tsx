import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { buildPermissions, NO_PERMISSIONS, type PermissionSet, type TypePermissionInput } from './permissions';

export interface CurrentUser {
  id: string;
  email: string;
  name?: string | null;
  role: string;
  team?: { id: string; name: string } | null;
}

interface MeValue {
  user: CurrentUser | null;
  permissions: PermissionSet;
}

const MeContext = createContext<MeValue>({ user: null, permissions: NO_PERMISSIONS });

export function PermissionProvider({
  user,
  permissions,
  children,
}: {
  user: CurrentUser | null;
  permissions: readonly TypePermissionInput[] | null | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ user, permissions: buildPermissions(permissions) }), [user, permissions]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function usePermissions(): PermissionSet {
  return useContext(MeContext).permissions;
}

export function useCurrentUser(): CurrentUser | null {
  return useContext(MeContext).user;
}

/** Access helpers bound to one type: `const f = useFieldAccess('Customer'); f.canRead('phone')`. */
export function useFieldAccess(type: string) {
  const p = usePermissions();
  return useMemo(
    () => ({
      canView: p.canView(type),
      rowScope: p.rowScope(type),
      writeScope: p.writeScope(type),
      canChange: p.canChange(type),
      access: (field: string) => p.access(type, field),
      canRead: (field: string) => p.canRead(type, field),
      canWrite: (field: string) => p.canWrite(type, field),
      isMasked: (field: string) => p.isMasked(type, field),
    }),
    [p, type],
  );
}
