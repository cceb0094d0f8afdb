import { Command, CommandRunner } from 'nest-commander';
import { AuditAnchorsCommand } from './audit-anchors.command.js';
import { AuditExportCommand } from './audit-export.command.js';
import { AuditReportCommand } from './audit-report.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';

@Command({ name: 'audit', description: 'export and verify the audit trail, report who held what at an instant', subCommands: [AuditExportCommand, AuditAnchorsCommand, AuditVerifyCommand, AuditReportCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
