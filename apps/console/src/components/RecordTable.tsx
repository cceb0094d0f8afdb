import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { PagedList } from '../lib/paged-list';
import { EmptyText } from './EmptyText';
import { LoadMore } from './LoadMore';
import { ProblemAlert } from './ProblemAlert';

/**
 * A list the API answered, page by page (lib/paged-list): its refusal or failure as the server
 * worded it, then the rows read so far in a table paged by 20 with a readable "nothing here", and
 * "load more" while the server has more.
 */
export function RecordTable<T extends { readonly id: string }>({
  list,
  empty,
  columns,
}: {
  readonly list: PagedList<T>;
  readonly empty: ReactNode;
  readonly columns: TableColumnsType<T>;
}) {
  return (
    <>
      <ProblemAlert error={list.error} />
      <Table<T> rowKey="id" loading={list.isLoading} dataSource={list.items} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyText>{empty}</EmptyText> }} columns={columns} />
      <LoadMore list={list} />
    </>
  );
}
