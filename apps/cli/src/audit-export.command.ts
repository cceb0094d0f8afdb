/** `authz audit export [--from] [--to] [--out FILE]`: the hash-chained NDJSON of SPEC §7. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { exportAuditLines, GENESIS_HASH } from '../../../libs/read-models/src/audit/audit-export.js';
import { catchUpReadModels } from '../../../libs/read-models/src/postgres/rebuild.js';
import { CliStores, type OpenedStores } from './cli-stores.js';
import { progressBar } from './progress.js';

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

@SubCommand({ name: 'export', description: 'write the audit trail as hash-chained NDJSON (stdout unless --out)' })
export class AuditExportCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(_params: string[], options: ExportOptions = {}): Promise<void> {
    const stores = await this.stores.get();
    const out: Writable = options.out === undefined ? process.stdout : createWriteStream(options.out);
    const bar = progressBar('export', 0);
    try {
      const summary = await exportAudit(stores, options, out, (done, total) => bar.update(done, total));
      bar.stop();
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
      process.stderr.write(
        `exported ${summary.count} entries${summary.count > 0 ? ` (positions ${summary.firstPosition} … ${summary.lastPosition})` : ''}${options.out === undefined ? '' : ` to ${options.out}`}\nlast hash ${summary.lastHash} (keep it: it anchors the end of the chain)\n`,
      );
    } catch (error: unknown) {
      bar.stop();
      throw error;
    }
  }

  @Option({ flags: '--from <instant>', description: 'first occurredAt included (ISO-8601)' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <instant>', description: 'occurredAt excluded from here on (ISO-8601)' })
  parseTo(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <file>', description: 'write to FILE instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}
