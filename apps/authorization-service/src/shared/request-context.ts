import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { EventMetadata } from '../../../../libs/domain/src/index.js';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import type { Principal } from '../auth/principal.js';
import { InvalidRequestError, UnauthenticatedError } from './application-errors.js';

const IDEMPOTENCY_NAMESPACE = '6f1c7e0a-3b9d-4c35-9a8e-2d6f0b1e4a77';

/** What a command needs from its request: who, when, and the ids that tie its events together. */
export interface RequestContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly correlationId: string;
  /** Derived from the Idempotency-Key (caller, method, path) when present, so a retry writes nothing twice. */
  readonly commandId: string;
  readonly idempotencyKey: string | null;
  /** The raw If-Match header: a command on an authorization acts only on the version the caller read (shared/if-match.ts). */
  readonly ifMatch: string | null;
  readonly now: string;
}

const HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContext(request: AuthenticatedRequest, now: Date = new Date()): RequestContext {
  const principal = request.principal;
  if (!principal) throw new UnauthenticatedError('UNAUTHENTICATED', 'no principal');
  const header = (name: string): string | null => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : null;
  };
  const key = header('idempotency-key');
  if (key !== null && !HEADER_ID.test(key)) {
    throw InvalidRequestError.fields('Idempotency-Key must be 1-128 characters of [A-Za-z0-9._:-]', { 'Idempotency-Key': ['invalid format'] });
  }
  const correlation = header('x-correlation-id');
  const path = request.url.split('?')[0] ?? request.url;
  return {
    principal,
    requestId: String(request.id),
    correlationId: correlation !== null && HEADER_ID.test(correlation) ? correlation : String(request.id),
    commandId: key === null ? randomUUID() : uuidv5(`${principal.id}\n${request.method}\n${path}\n${key}`, IDEMPOTENCY_NAMESPACE),
    idempotencyKey: key,
    ifMatch: header('if-match'),
    now: now.toISOString(),
  };
}

/** The metadata every event of a command carries (SPEC §6). */
export const eventMetadata = (ctx: RequestContext, policyVersion: string): EventMetadata => ({
  occurredAt: ctx.now,
  actor: { id: ctx.principal.id, kind: ctx.principal.kind },
  correlationId: ctx.correlationId,
  causationId: ctx.commandId,
  policyVersion,
  requestId: ctx.requestId,
});

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  requestContext(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
