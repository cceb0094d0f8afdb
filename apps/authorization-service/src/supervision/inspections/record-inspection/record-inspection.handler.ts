import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inspectionDecider, inspectionStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { RecordInspectionCommand } from './record-inspection.command.js';

@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: RecordInspectionCommand): Promise<SupervisionAnswer> {
    const inspector = await this.runner.actor(ctx);
    const employee = await this.runner.subject(body.employeeId);
    const inspectionId = this.runner.newId(ctx, 'inspection');
    const data = {
      inspectionId,
      inspector,
      employee,
      kind: body.kind,
      period: body.period ?? null,
      findings: body.findings,
      compliant: body.compliant,
      authorizationIds: (body.authorizationIds ?? []).map((id) => id.toLowerCase()),
    };
    const { state, position } = await this.runner.run(inspectionStream(inspectionId), inspectionDecider, { type: 'RecordInspection', data }, ctx);
    return answer(inspectionId, state, position);
  }
}
