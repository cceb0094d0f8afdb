import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type PlannedCourse, trainingPlanDecider, trainingPlanStream } from '../../../../../libs/domain/src/index.js';
import { SupervisionRunner } from '../../supervision/supervision-runner.js';
import { type TrainingPlanAnswer, trainingPlanAnswer } from '../training-plan-answer.js';
import { PublishTrainingPlanCommand } from './publish-training-plan.command.js';

/** The service gives every session an id (stable across a retry: derived from the command id). */
@CommandHandler(PublishTrainingPlanCommand)
export class PublishTrainingPlanHandler implements ICommandHandler<PublishTrainingPlanCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: PublishTrainingPlanCommand): Promise<TrainingPlanAnswer> {
    const publisher = await this.runner.actor(ctx);
    for (const course of body.courses) for (const session of course.sessions) if (session.lecturerId !== undefined) await this.runner.subject(session.lecturerId);
    const courses: PlannedCourse[] = body.courses.map((course, c) => ({
      course: course.course,
      title: course.title,
      roles: [...new Set(course.roles)],
      sessions: course.sessions.map((session, s) => ({
        sessionId: this.runner.newId(ctx, `training-session:${c}:${s}`),
        at: new Date(session.at).toISOString(),
        lecturerId: session.lecturerId ?? null,
        lecturer: session.lecturer ?? null,
        mode: session.mode,
      })),
    }));
    const command = { type: 'PublishTrainingPlan' as const, data: { year: body.year, publisher, courses } };
    const { state, position } = await this.runner.run(trainingPlanStream(body.year), trainingPlanDecider, command, ctx);
    return trainingPlanAnswer(state, position);
  }
}
