import type { ReactNode } from 'react';

/**
 * A titled box that looks like antd's Card. Card imports Tabs (and Tabs a dropdown menu) for
 * its `tabList`, which the lists never use: their route budget has no room for it.
 */
export function Panel({ title, extra, children, testId, bodyClassName }: {
  title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; bodyClassName?: string;
}) {
  return (
    <section className="crm-panel" data-testid={testId}>
      {title || extra ? (
        <header className="crm-panel-head">
          <div className="crm-panel-title">{title}</div>
          {extra ? <div className="crm-panel-extra">{extra}</div> : null}
        </header>
      ) : null}
      <div className={bodyClassName ? `crm-panel-body ${bodyClassName}` : 'crm-panel-body'}>{children}</div>
    </section>
  );
}
