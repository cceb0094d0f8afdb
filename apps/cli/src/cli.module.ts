import { Module, type Provider } from '@nestjs/common';
import { AuditAnchorsCommand } from './audit-anchors.command.js';
import { AuditExportCommand } from './audit-export.command.js';
import { AuditReportCommand } from './audit-report.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';
import { AuditCommand } from './audit.command.js';
import { CliStores } from './cli-stores.js';
import { KpisCommand } from './kpis.command.js';
import { ProjectionsCommand, ProjectionsRebuildCommand } from './projections.command.js';
import { TokenCommand } from './token.command.js';

const commands: Provider[] = [AuditCommand, AuditExportCommand, AuditAnchorsCommand, AuditVerifyCommand, AuditReportCommand, ProjectionsCommand, ProjectionsRebuildCommand, TokenCommand, KpisCommand];

@Module({ providers: [CliStores, ...commands] })
export class CliModule {}
