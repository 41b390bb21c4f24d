import type { FormInstance } from 'antd';
import type { i18n as I18n } from 'i18next';
import { errorText, type UserErrorLike } from '../graphql/errors';

/** The form field a server error names, if the form has it (`lines.0.quantity` -> ['lines', 0, 'quantity']). */
function formPath(field: string, fields: readonly string[]): (string | number)[] | null {
  const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (fields.includes(String(path[0]))) return path;
  const last = String(path[path.length - 1]);
  return fields.includes(last) ? [last] : null;
}

/**
 * Shows each server error under the field it names, in the user's language, and returns the
 * rest (for a message). The form should call `clearFieldErrors` from onValuesChange, so an
 * error goes away as soon as the field is corrected.
 */
export function showFieldErrors(form: FormInstance, i18n: I18n, errors: readonly UserErrorLike[], fields: readonly string[]): UserErrorLike[] {
  const rest: UserErrorLike[] = [];
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of errors) {
    const name = e.field ? formPath(e.field, fields) : null;
    if (!name) {
      rest.push(e);
      continue;
    }
    const k = name.join('.');
    const entry = byPath.get(k) ?? { name, errors: [] };
    entry.errors.push(errorText(i18n, e, { withField: false }));
    byPath.set(k, entry);
  }
  form.setFields([...byPath.values()]);
  return rest;
}

/** For `<Form onValuesChange>`: a changed field loses the server's error about it. */
export function clearFieldErrors(form: FormInstance, changed: Record<string, unknown>): void {
  const names = Object.keys(changed);
  if (!names.length) return;
  form.setFields(names.filter((n) => form.getFieldError(n).length).map((name) => ({ name, errors: [] })));
}
