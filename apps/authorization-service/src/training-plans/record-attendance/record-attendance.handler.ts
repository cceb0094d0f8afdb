import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { employeeDecider, employeeStream, type RecordTrainingAttendance, trainingPlanDecider, trainingPlanStream } from '../../../../../libs/domain/src/index.js';
import { hasScope } from '../../auth/principal.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { SupervisionRunner } from '../../supervision/supervision-runner.js';
import { type TrainingPlanAnswer, trainingPlanAnswer } from '../training-plan-answer.js';
import { RecordAttendanceCommand } from './record-attendance.command.js';

/**
 * The attendance, then `TrainingCompleted` on each attendee's stream (event ids scoped per attendee, so a
 * retry finishes what a crash left undone and writes nothing twice). Completed at the session's time,
 * or now when the session lies ahead.
 */
@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ year, sessionId, body, ctx }: RecordAttendanceCommand): Promise<TrainingPlanAnswer> {
    const recorder: RecordTrainingAttendance['data']['recorder'] = hasScope(ctx.principal, 'directory:write')
      ? { kind: 'directory-service', id: ctx.principal.id }
      : { kind: 'employee', employee: await this.runner.actor(ctx) };
    const plan = await this.runner.load(trainingPlanStream(year), trainingPlanDecider, 'training plan', String(year));
    const employeeIds = [...new Set(body.employeeIds)];
    for (const id of employeeIds) await this.runner.subject(id);
    const command: RecordTrainingAttendance = { type: 'RecordTrainingAttendance', data: { sessionId, recorder, employeeIds } };
    this.runner.dryRun(trainingPlanDecider, plan, command);
    const { state, position } = await this.runner.run(trainingPlanStream(year), trainingPlanDecider, command, ctx);
    const session = state.status === 'published' ? state.plan.courses.flatMap((c) => c.sessions.map((s) => ({ course: c.course, at: s.at, id: s.sessionId }))).find((s) => s.id === sessionId) : undefined;
    if (session === undefined) throw new NotFoundError('session', sessionId);
    const completedAt = session.at < ctx.now ? session.at : ctx.now;
    let last = position;
    for (const employeeId of employeeIds) {
      const training = { type: 'RecordTraining' as const, data: { employeeId, course: session.course, completedAt, recordedBy: ctx.principal.id, now: ctx.now } };
      last = (await this.runner.run(employeeStream(employeeId), employeeDecider, training, ctx, { idScope: `attendance:${employeeId}` })).position;
    }
    return trainingPlanAnswer(state, last > position ? last : position);
  }
}
