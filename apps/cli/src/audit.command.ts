import { Command, CommandRunner } from 'nest-commander';
import { AuditExportCommand } from './audit-export.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';

@Command({ name: 'audit', description: 'export and verify the audit trail', subCommands: [AuditExportCommand, AuditVerifyCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
