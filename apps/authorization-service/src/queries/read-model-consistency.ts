import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import type { ReadinessProbe } from '../health/readiness.js';
import { ProblemException } from '../http/problem.js';

const POSITION = /^[0-9.]{1,64}$/;

/** Reads X-Consistency-Token (or a body's `consistency.atLeast`), rejecting what cannot be a position. */
export function consistencyToken(header: unknown, body?: { consistency?: { atLeast?: unknown } } | null): string | null {
  const value = body?.consistency?.atLeast ?? header;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !POSITION.test(value)) {
    throw new ProblemException(400, 'VALIDATION_FAILED', 'the consistency token is not one this service issued', { errors: { consistency: ['invalid token'] } });
  }
  return value;
}

/**
 * Read-your-writes for the SQL read models: waits until the projector's checkpoint has reached the
 * token, polling (the projector may be another process), then 503 after the bounded wait.
 */
@Injectable()
export class ReadModelConsistency implements ReadinessProbe {
  readonly name = 'readModels';
  private last = '0';

  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(token: string | null): Promise<void> {
    if (token === null || token <= this.last) return;
    const deadline = Date.now() + this.config.consistencyWaitMs;
    for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
      this.last = await this.queries.checkpoint();
      if (token <= this.last) return;
      if (Date.now() >= deadline) throw new ProblemException(503, 'CONSISTENCY_TIMEOUT', `the read models have not reached position ${token} yet; retry`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** The projector's checkpoint as stored now (it may run in another process). */
  async check(head: string | null): Promise<{ ready: boolean; position: string | null; lagging: boolean }> {
    this.last = await this.queries.checkpoint();
    return { ready: true, position: this.last, lagging: head !== null && head > this.last };
  }
}
