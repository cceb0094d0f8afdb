/** `authz audit verify FILE`: exit 0 with a summary when intact, else the first bad line and exit 1. */
import { CommandRunner, SubCommand } from 'nest-commander';
import { progressBar } from './progress.js';
import { verifyAuditFile } from './verify-audit-file.js';

@SubCommand({ name: 'verify', arguments: '<file>', description: 'verify an audit export: report the first altered, removed, inserted or reordered line' })
export class AuditVerifyCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const bar = progressBar('verify', 0);
    const code = await verifyAuditFile(file ?? '', {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      progress: (bytes, total) => bar.update(bytes, total),
    });
    bar.stop();
    process.exitCode = code;
  }
}
