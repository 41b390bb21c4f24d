/** A choice of a few options as one segmented control (antd's look, plain buttons). */
export function Toggle<V extends string>({ value, options, onChange, testId, label }: {
  value: V; options: { value: V; label: string }[]; onChange: (v: V) => void; testId?: string; label?: string;
}) {
  return (
    <div className="crm-lang crm-toggle" role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" className={o.value === value ? 'crm-lang-option crm-lang-active' : 'crm-lang-option'}
          aria-pressed={o.value === value} onClick={() => onChange(o.value)} data-value={o.value}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
