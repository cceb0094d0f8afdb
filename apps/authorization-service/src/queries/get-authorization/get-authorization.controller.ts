import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { authorizationStream } from '../../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../../../libs/event-store/src/index.js';
import type { Principal } from '../../auth/principal.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { AuthorizationRunner, type AuthorizationView } from '../../workflow/authorization-runner.js';
import { versionTag } from '../../shared/if-match.js';
import { ReadAccess } from '../read-access.js';
import { ApiAnswers, AUTHORIZATION_DETAIL } from '../../http/openapi.js';

export interface HistoryEntry {
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: unknown;
  readonly actor: unknown;
  readonly data: unknown;
}

/** Read from the authorization's own stream: always current, with the full history and its actors; its ETag is the version a command's If-Match names. */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class GetAuthorizationController {
  constructor(
    private readonly runner: AuthorizationRunner,
    private readonly access: ReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'State, terms, pending change and history (events with actor and time)' })
  @ApiAnswers({ status: 200, description: 'The authorization with its history', schema: AUTHORIZATION_DETAIL }, 403, 404)
  async get(@Param('id', AuthorizationIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthorizationView & { history: HistoryEntry[]; position: string }> {
    const events = await this.store.readStream(authorizationStream(id));
    const state = this.runner.fold(id, events);
    await this.access.requireAuthorizationReader(principal, state);
    const history = events.map((event) => ({
      type: event.type,
      revision: event.revision,
      position: event.position,
      occurredAt: event.metadata['occurredAt'],
      actor: event.metadata['actor'],
      ...actingForOf(event.data),
      data: event.data,
    }));
    const version = events.at(-1)?.revision ?? -1;
    reply.header('etag', versionTag(version));
    return { ...this.runner.summary(state, version), history, position: events.at(-1)?.position ?? '0' };
  }
}

/** On an act by a stand-in (代理人, SPEC §11) the history names whom it was for, beside the actor. */
function actingForOf(data: unknown): { actingFor?: string } {
  const actingFor = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['actingFor'] : undefined;
  return typeof actingFor === 'string' ? { actingFor } : {};
}
