import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assessmentDecider, assessmentStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { RecordAssessmentCommand } from './record-assessment.command.js';

/** One stream per employee and period: a second assessment finds it taken (409 ALREADY_EXISTS). */
@CommandHandler(RecordAssessmentCommand)
export class RecordAssessmentHandler implements ICommandHandler<RecordAssessmentCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: RecordAssessmentCommand): Promise<SupervisionAnswer> {
    const assessor = await this.runner.actor(ctx);
    const employee = await this.runner.subject(body.employeeId);
    const { period, teamworkScore, result, consequences, notes } = body;
    const command = { type: 'RecordAssessment' as const, data: { assessor, employee, period, teamworkScore, result, consequences: [...consequences], notes, now: ctx.now } };
    const { state, position } = await this.runner.run(assessmentStream(employee.employeeId, period), assessmentDecider, command, ctx);
    return answer(`${employee.employeeId}-${period}`, state, position);
  }
}
