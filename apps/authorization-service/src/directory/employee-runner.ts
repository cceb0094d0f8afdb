import { Inject, Injectable } from '@nestjs/common';
import {
  type Catalogue,
  type EmployeeCommand,
  type EmployeeSnapshot,
  employeeDecider,
  employeeStream,
  toSnapshot,
  validateReportsTo,
} from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, handleCommand } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { hasScope } from '../auth/principal.js';
import { ForbiddenError, NotFoundError } from '../shared/application-errors.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';
import { DirectoryService } from './directory.service.js';

export type EmployeeAnswer = EmployeeSnapshot & { readonly position: string };

/** Runs directory commands (HR's `directory:write` services only) through handleCommand. */
@Injectable()
export class EmployeeRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    readonly directory: DirectoryService,
  ) {}

  requireDirectoryWriter(ctx: RequestContext): void {
    if (!hasScope(ctx.principal, 'directory:write')) {
      throw new ForbiddenError('SCOPE_REQUIRED', 'the directory is kept by services with the directory:write scope');
    }
  }

  /** reportsTo must name a current employee and must not make the reporting line a cycle. */
  async checkReportsTo(employeeId: string, reportsTo: string | null): Promise<void> {
    if (reportsTo === null) return;
    const chain = await this.directory.chain(reportsTo);
    validateReportsTo(employeeId, reportsTo, (id) => chain.get(id) ?? null);
  }

  async execute(command: EmployeeCommand, ctx: RequestContext): Promise<EmployeeAnswer> {
    const result = await handleCommand(this.store, employeeStream(command.data.employeeId), employeeDecider, command, {
      commandId: ctx.commandId,
      metadata: () => ({ ...eventMetadata(ctx, this.catalogue.version) }),
    });
    const snapshot = toSnapshot(result.newState);
    if (snapshot === null) throw new NotFoundError('employee', command.data.employeeId);
    return { ...snapshot, position: result.position };
  }
}
