import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { FeedbackProvider } from '../components/feedback';
import { MemoryRouter } from 'react-router';
import '../i18n';
import { LocaleProvider } from '../components/LocaleProvider';
import { PermissionProvider } from '../permissions/context';
import type { TypePermissionInput } from '../permissions/permissions';

export function renderWithApp(ui: ReactNode, permissions: TypePermissionInput[] = [], path = '/') {
  return render(
    <LocaleProvider>
      <FeedbackProvider>
      <MemoryRouter initialEntries={[path]}>
        <PermissionProvider user={{ id: 'u1', email: 'rep1@demo.test', role: 'sales_rep', name: 'Rep One' }} permissions={permissions}>
          {ui}
        </PermissionProvider>
      </MemoryRouter>
      </FeedbackProvider>
    </LocaleProvider>,
  );
}
