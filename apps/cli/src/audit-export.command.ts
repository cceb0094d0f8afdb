/** `authz audit export [--from] [--to] [--out FILE]`: the hash-chained NDJSON of SPEC §7. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { CliStores } from './cli-stores.js';
import { exportAudit, type ExportOptions } from './export-audit.js';
import { progressBar } from './progress.js';

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
