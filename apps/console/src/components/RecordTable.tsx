import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { EmptyText } from './EmptyText';
import { ProblemAlert } from './ProblemAlert';

/**
 * A list the API answered: its refusal or failure as the server worded it, then the rows in a table
 * paged by 20, with a readable "nothing here".
 */
export function RecordTable<T extends { readonly id: string }>({
  list,
  rows,
  empty,
  columns,
}: {
  readonly list: { readonly error: unknown; readonly isLoading: boolean };
  readonly rows: readonly T[] | undefined;
  readonly empty: ReactNode;
  readonly columns: TableColumnsType<T>;
}) {
  return (
    <>
      <ProblemAlert error={list.error} />
      <Table<T> rowKey="id" loading={list.isLoading} dataSource={rows ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyText>{empty}</EmptyText> }} columns={columns} />
    </>
  );
}
