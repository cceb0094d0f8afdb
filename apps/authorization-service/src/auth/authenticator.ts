import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { RateLimitedError, UnauthenticatedError } from '../shared/application-errors.js';
import { DirectoryService } from '../directory/directory.service.js';
import { createTokenVerifier, InvalidTokenError, type TokenVerifier } from './jwt-verifier.js';
import type { Principal } from './principal.js';
import { rateLimitHeader, rateLimitPolicyHeader, RateLimiter, type RatePolicy } from './rate-limiter.js';
import { DEV_JWT_SECRET } from '../../../../libs/platform/src/index.js';

const CACHE_LIMIT = 10_000;

/** Where the rate-limit headers go: a Fastify reply. */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

interface Budget {
  readonly policy: RatePolicy;
  readonly policyHeader: string;
}

const budget = (name: string, perMinute: number): Budget => {
  const policy = { name, quota: perMinute, windowSeconds: 60 };
  return { policy, policyHeader: rateLimitPolicyHeader(policy) };
};

/**
 * Turns an Authorization header into a principal, or refuses (unauthenticated, rate limited). Shared by the Nest
 * guard and the raw check routes. Verified tokens are cached until they expire: verification is
 * the most expensive part of a check.
 *
 * Rate limits by kind of caller: each employee has the per-person budget, each service principal
 * (`svc:*`) its own, much larger one (services ask on behalf of many people); `cost` is the number
 * of checks a request carries. Answers say where the caller stands (`RateLimit-Policy`,
 * `RateLimit`) and a refusal says when to come back (`Retry-After`).
 */
@Injectable()
export class Authenticator {
  private readonly verifier: TokenVerifier;
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly limiter = new RateLimiter();
  private readonly employeeBudget: Budget;
  private readonly serviceBudget: Budget;
  private readonly serviceBudgets: ReadonlyMap<string, Budget>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DEV_JWT_SECRET) devSecret: string | null,
    private readonly directory: DirectoryService,
  ) {
    this.verifier = createTokenVerifier(config.auth, config.auth.jwtSecret ?? (config.auth.jwksUrl ? null : devSecret));
    this.employeeBudget = budget('employee', config.rateLimitPerMinute);
    this.serviceBudget = budget('service', config.rateLimitServicePerMinute);
    this.serviceBudgets = new Map(Object.entries(config.rateLimitServices).map(([id, perMinute]) => [id, budget('service', perMinute)]));
  }

  async authenticate(header: string | undefined, cost = 1, reply?: HeaderSink): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw new UnauthenticatedError('UNAUTHENTICATED', 'send Authorization: Bearer <JWT>');
    const now = Date.now();
    let entry = this.cache.get(token);
    if (!entry || entry.expiresAt + 30_000 <= now) {
      try {
        entry = await this.verifier.verify(token);
      } catch (error: unknown) {
        const detail = error instanceof InvalidTokenError ? error.message : 'invalid token';
        throw new UnauthenticatedError('INVALID_TOKEN', detail);
      }
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(token, entry);
    }
    const principal = entry.principal;
    if (principal.kind === 'employee') {
      const status = await this.directory.status(principal.id);
      if (status !== 'active') {
        throw new UnauthenticatedError(status === 'left' ? 'EMPLOYEE_LEFT' : 'UNKNOWN_EMPLOYEE', `employee ${principal.id} is ${status === 'left' ? 'no longer employed' : 'not in the directory'}`);
      }
    }
    const { policy, policyHeader } = principal.kind === 'service' ? (this.serviceBudgets.get(principal.id) ?? this.serviceBudget) : this.employeeBudget;
    const decision = this.limiter.take(principal.id, policy, now, cost);
    reply?.header('ratelimit-policy', policyHeader);
    reply?.header('ratelimit', rateLimitHeader(decision));
    if (!decision.allowed) {
      const wait = decision.retryAfterSeconds;
      const what = cost > 1 ? `${cost} checks` : 'this request';
      const detail = cost > policy.quota ? `${what} exceed the whole ${policy.name} budget of ${policy.quota} per minute; send fewer at once` : `${policy.name} budget of ${policy.quota} per minute used up; retry in ${wait} s`;
      throw new RateLimitedError(detail, wait);
    }
    return principal;
  }
}
