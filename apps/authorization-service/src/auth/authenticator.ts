import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { ProblemException } from '../http/problem.js';
import { DirectoryService } from '../directory/directory.service.js';
import { createTokenVerifier, InvalidTokenError, type TokenVerifier } from './jwt-verifier.js';
import type { Principal } from './principal.js';
import { RateLimiter } from './rate-limiter.js';
import { DEV_JWT_SECRET } from '../../../../libs/platform/src/index.js';

const CACHE_LIMIT = 10_000;

/**
 * Turns an Authorization header into a principal, or throws a 401/429 problem. Shared by the Nest
 * guard and the raw check routes. Verified tokens are cached until they expire: verification is
 * the most expensive part of a check.
 */
@Injectable()
export class Authenticator {
  private readonly verifier: TokenVerifier;
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DEV_JWT_SECRET) devSecret: string | null,
    private readonly directory: DirectoryService,
  ) {
    this.verifier = createTokenVerifier(config.auth, config.auth.jwtSecret ?? (config.auth.jwksUrl ? null : devSecret));
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
  }

  async authenticate(header: string | undefined, cost = 1): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw new ProblemException(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <JWT>');
    const now = Date.now();
    let entry = this.cache.get(token);
    if (!entry || entry.expiresAt + 30_000 <= now) {
      try {
        entry = await this.verifier.verify(token);
      } catch (error: unknown) {
        const detail = error instanceof InvalidTokenError ? error.message : 'invalid token';
        throw new ProblemException(401, 'INVALID_TOKEN', detail);
      }
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(token, entry);
    }
    const principal = entry.principal;
    if (principal.kind === 'employee') {
      const status = await this.directory.status(principal.id);
      if (status !== 'active') {
        throw new ProblemException(401, status === 'left' ? 'EMPLOYEE_LEFT' : 'UNKNOWN_EMPLOYEE', `employee ${principal.id} is ${status === 'left' ? 'no longer employed' : 'not in the directory'}`);
      }
    }
    const wait = this.limiter.take(principal.id, now, cost);
    if (wait > 0) throw new ProblemException(429, 'RATE_LIMITED', `too many requests; retry in ${wait} s`, { retryAfter: wait });
    return principal;
  }
}
