export type Access = 'WRITE' | 'READ' | 'MASKED' | 'NONE';
export type RowScope = 'ALL' | 'TEAM' | 'OWN' | 'NONE';

export interface FieldPermissionInput {
  field: string;
  access: string;
}
export interface TypePermissionInput {
  type: string;
  rowScope: string;
  /** rows the user may change; absent means the same as rowScope */
  writeScope?: string | null;
  /** steps reserved to some roles (a pay run's `approve`) that this user may take */
  actions?: readonly string[] | null;
  fields: readonly FieldPermissionInput[];
}

export interface PermissionSet {
  /** the row scope of a type; NONE for a type the server does not list */
  rowScope(type: string): RowScope;
  /** a module whose main type has row scope NONE is hidden */
  canView(type: string): boolean;
  /** the rows of a type the user may change (create, bulk actions) */
  writeScope(type: string): RowScope;
  canChange(type: string): boolean;
  /** whether the user may take a step the server reserves to some roles (PayRun `approve`) */
  canDo(type: string, action: string): boolean;
  access(type: string, field: string): Access;
  canRead(type: string, field: string): boolean;
  canWrite(type: string, field: string): boolean;
  isMasked(type: string, field: string): boolean;
}

const ACCESS: Access[] = ['WRITE', 'READ', 'MASKED', 'NONE'];
const SCOPES: RowScope[] = ['ALL', 'TEAM', 'OWN', 'NONE'];

function norm(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
function toAccess(v: string): Access {
  const u = String(v).toUpperCase() as Access;
  return ACCESS.includes(u) ? u : 'NONE';
}
function toScope(v: string): RowScope {
  const u = String(v).toUpperCase() as RowScope;
  return SCOPES.includes(u) ? u : 'NONE';
}

/**
 * Builds the lookup the UI uses from `me { permissions }`. Field names are matched without
 * regard to case or underscores (the server may speak snake_case or camelCase). A field the
 * server does not list on a type the user can see is readable (the server still enforces it);
 * a type it does not list is not visible at all.
 */
export function buildPermissions(list: readonly TypePermissionInput[] | null | undefined): PermissionSet {
  const types = new Map<string, { scope: RowScope; write: RowScope; actions: Set<string>; fields: Map<string, Access> }>();
  for (const tp of list ?? []) {
    const fields = new Map<string, Access>();
    for (const f of tp.fields ?? []) fields.set(norm(f.field), toAccess(f.access));
    const scope = toScope(tp.rowScope);
    types.set(norm(tp.type), {
      scope, write: tp.writeScope == null ? scope : toScope(tp.writeScope), actions: new Set(tp.actions ?? []), fields,
    });
  }
  const rowScope = (type: string): RowScope => types.get(norm(type))?.scope ?? 'NONE';
  const writeScope = (type: string): RowScope => types.get(norm(type))?.write ?? 'NONE';
  const access = (type: string, field: string): Access => {
    const t = types.get(norm(type));
    if (!t || t.scope === 'NONE') return 'NONE';
    return t.fields.get(norm(field)) ?? 'READ';
  };
  return {
    rowScope,
    canView: (type) => rowScope(type) !== 'NONE',
    writeScope,
    canChange: (type) => writeScope(type) !== 'NONE',
    canDo: (type, action) => types.get(norm(type))?.actions.has(action) ?? false,
    access,
    canRead: (type, field) => access(type, field) !== 'NONE',
    canWrite: (type, field) => access(type, field) === 'WRITE',
    isMasked: (type, field) => access(type, field) === 'MASKED',
  };
}

export const NO_PERMISSIONS = buildPermissions([]);
