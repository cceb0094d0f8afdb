import { createPgClient, type PgClientOptions } from './pg-client.js';
import { createPgliteClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.port.js';

/** Whether `url` names a SQL store this library opens (`postgres://`, `postgresql://`, `pglite://`). */
export const isSqlUrl = (url: string): boolean => /^(postgres|postgresql|pglite):\/\//.test(url);

/** `pglite://memory` → `memory`; `pglite://./data/events` → `./data/events`; `pglite:///abs` → `/abs`. */
export const pgliteLocation = (url: string): string => url.slice('pglite://'.length) || 'memory';

/** Opens a SqlClient for `postgres://…`, `postgresql://…`, `pglite://<dir>` or `pglite://memory`. */
export const openSqlClient = async (url: string, options: PgClientOptions = {}): Promise<SqlClient> => {
  if (url.startsWith('pglite://')) return createPgliteClient(pgliteLocation(url));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return createPgClient(url, options);
  throw new Error(`unsupported SQL URL scheme: ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
};
