/** The work of `authz audit export` (no Nest): the hash-chained NDJSON of SPEC §7. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { exportAuditLines, GENESIS_HASH } from '../../../libs/read-models/src/audit/audit-export.js';
import { catchUpReadModels } from '../../../libs/read-models/src/postgres/rebuild.js';
import type { OpenedStores } from './cli-stores.js';

export interface ExportOptions {
  readonly from?: string;
  readonly to?: string;
  readonly out?: string;
}

export interface ExportSummary {
  readonly count: number;
  readonly lastHash: string;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
}

const write = async (out: Writable, text: string): Promise<void> => {
  if (!out.write(text)) await once(out, 'drain');
};

/** Catches the read models up with the log, then writes every entry in commit order. */
export const exportAudit = async (stores: OpenedStores, options: ExportOptions, out: Writable, onProgress?: (done: number, total: number) => void): Promise<ExportSummary> => {
  await catchUpReadModels(stores.store, stores.events);
  const filter = { ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }) };
  const total = await stores.queries.countAudit(filter);
  let count = 0;
  let lastHash = GENESIS_HASH;
  let firstPosition: string | null = null;
  let lastPosition: string | null = null;
  for await (const line of exportAuditLines(stores.queries.streamAudit(filter))) {
    await write(out, `${line}\n`);
    const { hash, position } = JSON.parse(line) as { hash: string; position: string };
    count += 1;
    lastHash = hash;
    firstPosition ??= position;
    lastPosition = position;
    if (count % 500 === 0) onProgress?.(count, total);
  }
  onProgress?.(count, Math.max(total, count));
  return { count, lastHash, firstPosition, lastPosition };
};
