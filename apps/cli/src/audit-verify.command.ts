/** `authz audit verify FILE [--anchors FILE] [--public-key FILE]`: exit 0 when intact, 1 with the first bad line, 2 on a usage error. */
import type { Command, CommanderError } from 'commander';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { progressBar } from './progress.js';
import { EXIT_UNREADABLE, verifyAuditFile, type VerifyFiles } from './verify-audit-file.js';

const INFORMATIONAL = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

@SubCommand({
  name: 'verify',
  arguments: '<file>',
  description: 'verify an audit export: the first altered, removed, inserted or reordered line; with signed anchors also a rewritten history, a truncation, a bad signature',
})
export class AuditVerifyCommand extends CommandRunner {
  /** A usage error (no FILE, an unknown option) exits 2: 1 means a finding. */
  override setCommand(command: Command): this {
    command.exitOverride((error: CommanderError) => process.exit(INFORMATIONAL.has(error.code) ? 0 : EXIT_UNREADABLE));
    return super.setCommand(command);
  }

  async run([file]: string[], options: VerifyFiles = {}): Promise<void> {
    const bar = progressBar('verify', 0);
    const code = await verifyAuditFile(
      file ?? '',
      {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progress: (bytes, total) => bar.update(bytes, total),
      },
      options,
    );
    bar.stop();
    process.exitCode = code;
  }

  @Option({ flags: '--anchors <file>', description: 'signed anchors: a JSON array, a saved GET /v1/audit/anchors page, or NDJSON' })
  parseAnchors(value: string): string {
    return value;
  }

  @Option({ flags: '--public-key <file>', description: 'their public key: PEM, JWK, or the saved GET /v1/audit/public-key answer' })
  parsePublicKey(value: string): string {
    return value;
  }
}
