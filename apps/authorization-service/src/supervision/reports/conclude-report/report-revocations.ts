import { Injectable } from '@nestjs/common';
import {
  type AuthorizationState,
  type ReportAction,
  type RevokeAuthorization,
  authorizationDecider,
  authorizationStream,
  foldStored,
} from '../../../../../../libs/domain/src/index.js';
import { UnprocessableError } from '../../../shared/application-errors.js';
import type { RequestContext } from '../../../shared/request-context.js';
import { SupervisionRunner } from '../../supervision-runner.js';

type Applied = Exclude<AuthorizationState, { status: 'initial' }>;
export interface PlannedRevocation {
  readonly authorizationId: string;
  readonly command: RevokeAuthorization;
}

/**
 * The `revoke` actions of a substantiated report, run through the authorization decider as the
 * system principal `report:<id>` (cause `report`). Planned (and refused) before anything is written.
 */
@Injectable()
export class ReportRevocations {
  constructor(private readonly runner: SupervisionRunner) {}

  async grantees(actions: readonly ReportAction[]): Promise<Map<string, Applied>> {
    const found = new Map<string, Applied>();
    for (const action of actions) {
      if (action.type !== 'revoke' || found.has(action.authorizationId)) continue;
      const events = await this.runner.store.readStream(authorizationStream(action.authorizationId));
      const state = foldStored(authorizationDecider, events);
      if (state.status === 'initial') throw new UnprocessableError('UNKNOWN_AUTHORIZATION', `authorization ${action.authorizationId} does not exist`);
      found.set(action.authorizationId, state);
    }
    return found;
  }

  /** `dryRun` false for a retried conclusion whose revocations were decided when it first ran. */
  async plan(reportId: string, grants: ReadonlyMap<string, Applied>, ctx: RequestContext, dryRun = true): Promise<PlannedRevocation[]> {
    const planned: PlannedRevocation[] = [];
    for (const [authorizationId, state] of grants) {
      const grantee = await this.runner.subject(state.applicantId);
      const command: RevokeAuthorization = {
        type: 'RevokeAuthorization',
        data: { actor: { kind: 'system', id: `report:${reportId}` }, grantee, reason: `substantiated violation report ${reportId}`, cause: 'report', now: ctx.now },
      };
      if (dryRun) this.runner.dryRun(authorizationDecider, state, command);
      planned.push({ authorizationId, command });
    }
    return planned;
  }

  /** Appends each revocation; event ids derive from the request, so a retried conclusion revokes once. */
  async execute(reportId: string, planned: readonly PlannedRevocation[], ctx: RequestContext): Promise<string[]> {
    const positions: string[] = [];
    for (const { authorizationId, command } of planned) {
      const { position } = await this.runner.run(authorizationStream(authorizationId), authorizationDecider, command, ctx, {
        actor: { id: `report:${reportId}`, kind: 'system' },
        idScope: `revoke:${authorizationId}`,
      });
      positions.push(position);
    }
    return positions;
  }
}
