import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Filer, authorizationDecider, authorizationStream, foldStored } from '../../../../../../libs/domain/src/index.js';
import { hasScope } from '../../../auth/principal.js';
import { UnprocessableError } from '../../../shared/application-errors.js';
import { ReportRunner, type ReportAnswer } from '../report-runner.js';
import { FileReportCommand } from './file-report.command.js';

/** Any employee files; services with `reports:write` file on behalf of customers. */
@CommandHandler(FileReportCommand)
export class FileReportHandler implements ICommandHandler<FileReportCommand> {
  constructor(private readonly reports: ReportRunner) {}

  async execute({ body, ctx }: FileReportCommand): Promise<ReportAnswer> {
    const { runner } = this.reports;
    const filer: Filer = hasScope(ctx.principal, 'reports:write') ? { kind: 'service', id: ctx.principal.id } : { kind: 'employee', employee: await runner.actor(ctx) };
    const subject = await runner.subject(body.subjectEmployeeId);
    let authorization = null;
    if (body.authorizationId !== undefined) {
      const state = foldStored(authorizationDecider, await runner.store.readStream(authorizationStream(body.authorizationId)));
      if (state.status === 'initial') throw new UnprocessableError('UNKNOWN_AUTHORIZATION', `authorization ${body.authorizationId} does not exist`);
      authorization = { id: state.id, applicantId: state.applicantId };
    }
    const reportId = runner.newId(ctx, 'report');
    const reporter = { kind: body.reporter.kind, ...(body.reporter.contact !== undefined ? { contact: body.reporter.contact } : {}) };
    const data = { reportId, filer, subject, authorization, category: body.category, description: body.description, reporter };
    return this.reports.execute(reportId, { type: 'FileReport', data }, ctx);
  }
}
