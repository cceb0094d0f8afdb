/** The work of `authz audit export` (no Nest): the hash-chained NDJSON of SPEC §7. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { exportAuditRange, GENESIS_HASH } from '../../../libs/read-models/src/audit/audit-export.js';
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

/**
 * Catches the read models up with the log, then writes the entries of the range in commit order,
 * on the ONE global chain the anchors sign: the whole trail is hashed, the range is written.
 */
export const exportAudit = async (stores: OpenedStores, options: ExportOptions, out: Writable, onProgress?: (done: number, total: number) => void): Promise<ExportSummary> => {
  await catchUpReadModels(stores.store, stores.events);
  const filter = { ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }) };
  const total = await stores.queries.countAudit({});
  let count = 0;
  let lastHash = GENESIS_HASH;
  let firstPosition: string | null = null;
  let lastPosition: string | null = null;
  let seen = 0;
  const all = (async function* () {
    for await (const entry of stores.queries.streamAudit({})) {
      seen += 1;
      if (seen % 500 === 0) onProgress?.(seen, total);
      yield entry;
    }
  })();
  for await (const line of exportAuditRange(all, filter)) {
    await write(out, `${line}\n`);
    const { hash, position } = JSON.parse(line) as { hash: string; position: string };
    count += 1;
    lastHash = hash;
    firstPosition ??= position;
    lastPosition = position;
  }
  onProgress?.(Math.max(seen, total), Math.max(total, seen));
  return { count, lastHash, firstPosition, lastPosition };
};
