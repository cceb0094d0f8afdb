/** `authz audit anchors [--out FILE]`: the signed anchors as the log holds them, as NDJSON (for `audit verify --anchors`). */
import { writeFile } from 'node:fs/promises';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { auditAnchorEvents } from '../../../libs/domain/src/codec/event-codec.js';
import { ANCHOR_STREAM } from '../../../libs/read-models/src/audit/proof/audit-anchor.js';
import { CliStores } from './cli-stores.js';

@SubCommand({ name: 'anchors', description: 'write the signed audit anchors from the log as NDJSON (stdout unless --out), for audit verify --anchors' })
export class AuditAnchorsCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(_params: string[], options: { readonly out?: string } = {}): Promise<void> {
    const { events } = await this.stores.get();
    const anchors = (await events.readStream(ANCHOR_STREAM)).flatMap((event) => {
      const decoded = auditAnchorEvents.decode(event);
      return decoded === null ? [] : [decoded.data];
    });
    const text = anchors.map((anchor) => `${JSON.stringify(anchor)}\n`).join('');
    if (options.out === undefined) process.stdout.write(text);
    else await writeFile(options.out, text);
    process.stderr.write(`${anchors.length} anchors${anchors.length > 0 ? `, the last covering ${anchors[anchors.length - 1]?.count} entries` : ''}${options.out === undefined ? '' : ` written to ${options.out}`}\n`);
  }

  @Option({ flags: '-o, --out <file>', description: 'write to FILE instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}
