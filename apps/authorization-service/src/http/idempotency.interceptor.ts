import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { from, type Observable, of, switchMap } from 'rxjs';
import { canonicalJson } from '../../../../libs/platform/src/index.js';
import { ensureSchema } from '../../../../libs/sql/src/ensure-schema.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { ProblemException } from './problem.js';

const IDEMPOTENCY_SCHEMA_LOCK = 727_100_601;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * `Idempotency-Key` on commands: the first successful answer is kept (per caller, method and path)
 * and returned to every retry; the same key with another body is 422. The events of a command are
 * also derived from the key (RequestContext.commandId), so even two concurrent first tries cannot
 * act twice: the store de-duplicates or one of them conflicts.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async onModuleInit(): Promise<void> {
    // Every API process creates it at start (two workers at once on a fresh database: hence the lock).
    await ensureSchema(this.sql, IDEMPOTENCY_SCHEMA_LOCK, [
      `CREATE TABLE IF NOT EXISTS idempotency_keys (
        key_hash text PRIMARY KEY,
        body_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ]);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || request.principal === undefined || (request.method !== 'POST' && request.method !== 'PATCH')) return next.handle();
    const path = request.url.split('?')[0] ?? request.url;
    const keyHash = sha256(`${request.principal.id}\n${request.method}\n${path}\n${key}`);
    const bodyHash = sha256(canonicalJson(request.body ?? null));
    return from(this.find(keyHash)).pipe(
      switchMap((stored) => {
        if (stored !== null) {
          if (stored.body_hash !== bodyHash) {
            throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request body');
          }
          return of(stored.response);
        }
        return next.handle().pipe(switchMap((response: unknown) => from(this.remember(keyHash, bodyHash, response))));
      }),
    );
  }

  private async find(keyHash: string): Promise<{ body_hash: string; response: unknown } | null> {
    const { rows } = await this.sql.query<{ body_hash: string; response: unknown }>('SELECT body_hash, response FROM idempotency_keys WHERE key_hash = $1', [keyHash]);
    return rows[0] ?? null;
  }

  /** Keeps the first answer; when a concurrent first try stored one already, that one is returned. */
  private async remember(keyHash: string, bodyHash: string, response: unknown): Promise<unknown> {
    const { rows } = await this.sql.query(
      'INSERT INTO idempotency_keys (key_hash, body_hash, response) VALUES ($1, $2, $3) ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash',
      [keyHash, bodyHash, JSON.stringify(response ?? null)],
    );
    if (rows.length > 0) return response;
    return (await this.find(keyHash))?.response ?? response;
  }
}

export const IdempotencyInterceptorProvider = { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor };
