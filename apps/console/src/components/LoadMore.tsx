import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PagedList } from '../lib/paged-list';

/** Under a paged list while the server has more: the next page on a click, so no row is dropped unsaid. */
export function LoadMore({ list }: { readonly list: Pick<PagedList<unknown>, 'hasMore' | 'isFetchingMore' | 'fetchMore'> }) {
  const { t } = useTranslation('app');
  if (!list.hasMore) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={list.fetchMore} loading={list.isFetchingMore}>{t('loadMore')}</Button>
    </div>
  );
}
