import { type BeforeApplicationShutdown, Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { EVENT_STORE, type EventStore } from '../../../../libs/event-store/src/index.js';
import { Public } from '../auth/public.decorator.js';
import { UnavailableError } from '../shared/application-errors.js';
import { READINESS_PROBES, type ReadinessProbe, type ReadinessResult } from './readiness.js';
import { ApiAnswers } from '../http/openapi.js';

/** A probe that cannot answer (its store is down) is not ready; readiness answers 503, never 500. */
const probeResult = async (probe: ReadinessProbe, head: string | null): Promise<ReadinessResult | { ready: false; error: string }> => {
  try {
    return await probe.check(head);
  } catch (error: unknown) {
    return { ready: false, error: error instanceof Error ? error.message : String(error) };
  }
};

@ApiTags('operations')
@Controller()
export class HealthController implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(READINESS_PROBES) private readonly probes: readonly ReadinessProbe[] | null,
  ) {}

  /** Readiness goes red first on shutdown, so load balancers stop sending before we stop serving. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  @Public()
  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiAnswers({ status: 200, description: 'The process answers', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: store reachable and read side caught up' })
  @ApiAnswers({ status: 200, description: 'Ready', schema: { type: 'object', required: ['status', 'checks'], properties: { status: { type: 'string', enum: ['ok'] }, checks: { type: 'object' } } } }, 503)
  async ready(): Promise<{ status: 'ok'; checks: Record<string, unknown> }> {
    const checks: Record<string, unknown> = {};
    let ok = !this.shuttingDown;
    if (this.shuttingDown) checks['shutdown'] = 'in progress';
    try {
      await this.store.ping();
      checks['eventStore'] = 'up';
    } catch (error: unknown) {
      ok = false;
      checks['eventStore'] = { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
    const head = ok ? await this.store.headPosition().catch(() => null) : null;
    for (const probe of this.probes ?? []) {
      const result = await probeResult(probe, head);
      checks[probe.name] = result;
      if (!result.ready) ok = false;
    }
    if (!ok) throw new UnavailableError('NOT_READY', 'not ready', { checks });
    return { status: 'ok', checks };
  }

  @Public()
  @Get('metrics')
  @Header('content-type', register.contentType)
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiAnswers({ status: 200, description: 'Prometheus text exposition', schema: { type: 'string' }, contentType: 'text/plain' })
  metrics(): Promise<string> {
    return register.metrics();
  }
}
