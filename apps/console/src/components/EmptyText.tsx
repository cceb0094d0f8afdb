import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** "Nothing here" in a readable colour (Ant Design's default empty text fails WCAG AA contrast). */
export function EmptyText({ children }: { readonly children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
