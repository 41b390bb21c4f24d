/** A spinner without antd (the entry, which shows it while a page loads, does not load antd). */
export function PageSpinner({ full = false }: { full?: boolean }) {
  return <div className={full ? 'crm-spinner crm-spinner-full' : 'crm-spinner'} role="progressbar" aria-busy="true" />;
}
