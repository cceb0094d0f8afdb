import type { ReactNode } from 'react';

/**
 * A titled, bordered block: what a Card shows, without pulling Card's tabs and extras into every
 * route's JavaScript (the worklist's budget is 300 KB compressed).
 */
export function Panel({ title, extra, children }: { readonly title: ReactNode; readonly extra?: ReactNode; readonly children: ReactNode }) {
  return (
    <div style={{ background: '#fff', border: '1px solid #d9d9d9', borderRadius: 8, marginBottom: 16 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '12px 24px', borderBottom: '1px solid #f0f0f0' }}>
        <div style={{ flex: 1 }}>{title}</div>
        {extra}
      </div>
      <div style={{ padding: 24 }}>{children}</div>
    </div>
  );
}
