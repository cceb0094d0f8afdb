import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ConcludeReport, type ReportAction, reportDecider } from '../../../../../../libs/domain/src/index.js';
import { ReportRunner, type ReportAnswer } from '../report-runner.js';
import { ConcludeReportCommand } from './conclude-report.command.js';
import type { ReportActionDto } from './conclude-report.dto.js';
import { ReportRevocations } from './report-revocations.js';

const toAction = (dto: ReportActionDto): ReportAction =>
  dto.type === 'revoke' ? { type: 'revoke', authorizationId: String(dto.authorizationId).toLowerCase() } : dto.type === 'training' ? { type: 'training', course: String(dto.course) } : { type: 'warning' };

/**
 * Every refusal (the conclusion's and each revocation's) is decided before anything is written; then
 * the conclusion, then the revocations. The answer's position is the last write, so a check carrying
 * it already sees the grant revoked.
 */
@CommandHandler(ConcludeReportCommand)
export class ConcludeReportHandler implements ICommandHandler<ConcludeReportCommand> {
  constructor(
    private readonly reports: ReportRunner,
    private readonly revocations: ReportRevocations,
  ) {}

  async execute({ reportId, body, ctx }: ConcludeReportCommand): Promise<ReportAnswer> {
    const actor = await this.reports.runner.actor(ctx);
    const { state, history } = await this.reports.stream(reportId);
    const actions = body.actions.map(toAction);
    const grants = await this.revocations.grantees(actions);
    const grantees = Object.fromEntries([...grants].map(([id, grant]) => [id, grant.applicantId]));
    const command: ConcludeReport = { type: 'ConcludeReport', data: { actor, finding: body.finding, summary: body.summary, actions, grantees, now: ctx.now } };
    // A retry whose first answer was lost was decided when it ran: the store answers it (and finishes its revocations).
    const retried = this.reports.runner.ran(history, ctx);
    if (!retried) this.reports.runner.dryRun(reportDecider, state, command);
    const planned = body.finding === 'substantiated' ? await this.revocations.plan(reportId, grants, ctx, !retried) : [];
    const answer = await this.reports.execute(reportId, command, ctx, history);
    const positions = await this.revocations.execute(reportId, planned, ctx);
    return { ...answer, position: [answer.position, ...positions].sort().at(-1) ?? answer.position };
  }
}
