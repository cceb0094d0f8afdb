import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DESIGNATION_SOURCE, type DesignationSource } from '../designation-source.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { IssueNoticeCommand } from './issue-notice.command.js';

const NOTICE_AUTHORITY = 'authorization.notice.issue';

@CommandHandler(IssueNoticeCommand)
export class IssueNoticeHandler implements ICommandHandler<IssueNoticeCommand> {
  constructor(
    private readonly runner: AuthorizationRunner,
    @Inject(DESIGNATION_SOURCE) private readonly designations: DesignationSource,
  ) {}

  async execute({ authorizationId, body, ctx }: IssueNoticeCommand): Promise<CommandAnswer> {
    const { actor, history } = await this.runner.begin(ctx, authorizationId);
    const designationGrantId = actor.role === 'manager' ? null : await this.designations.grantInForce(actor.employeeId, NOTICE_AUTHORITY, ctx.now);
    // Neither a manager nor a designee: perhaps a manager's stand-in (代理人) while their period runs.
    const standingInFor = actor.role === 'manager' || designationGrantId !== null ? [] : await this.runner.directory.absentFor(actor.employeeId, ctx.now);
    const noticeNumber = `AN-${ctx.now.slice(0, 10).replaceAll('-', '')}-${ctx.commandId.slice(0, 8).toUpperCase()}`;
    return this.runner.execute(
      authorizationId,
      {
        type: 'IssueNotice',
        data: { actor, standingInFor, designationGrantId, copiesTo: body.copiesTo ? [...body.copiesTo] : null, catalogue: this.runner.catalogue, noticeNumber, now: ctx.now },
      },
      ctx,
      history,
    );
  }
}
