import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Histogram } from 'prom-client';
import type { CheckQuery, CheckResult } from '../../../../libs/read-models/src/permission-index/index.js';
import { Authenticator } from '../auth/authenticator.js';
import { hasScope, type Principal } from '../auth/principal.js';
import { replyWithProblem } from '../http/problem.filter.js';
import { ForbiddenError, InvalidRequestError, NotSupportedError } from '../shared/application-errors.js';
import { consistencyToken } from '../queries/read-model-consistency.js';
import { DECISION_LOG, type DecisionLog } from '../decisions/decision-log.port.js';
import { type Catalogue, parseInstant } from '../../../../libs/domain/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { CheckMetrics } from './check-metrics.js';
import { batchBodySchema, batchResponseSchema, checkBodySchema, checkResponseSchema, MAX_BATCH } from './check.schemas.js';
import { PermissionIndexService } from './permission-index.service.js';

interface CheckItem {
  readonly employeeId: string;
  readonly authority: string;
  readonly context?: { readonly amount?: number; readonly channel?: string };
  readonly at?: string;
  readonly record?: boolean;
}
interface CheckBody extends CheckItem {
  readonly consistency?: { readonly atLeast: string };
}
interface BatchBody {
  readonly checks: readonly CheckItem[];
  readonly consistency?: { readonly atLeast: string };
}

type RouteLabel = Readonly<Record<'route', string>>;
const SINGLE: RouteLabel = Object.freeze({ route: 'single' });
const BATCH: RouteLabel = Object.freeze({ route: 'batch' });

const latency = new Histogram({
  name: 'authz_check_duration_seconds',
  help: 'Server time of check requests (authentication, validation, decision)',
  labelNames: ['route'],
  buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
});

/**
 * The hot path: POST /v1/checks and /v1/checks/batch as plain Fastify routes with compiled JSON
 * Schemas, bypassing Nest's pipes and interceptors (a class-validator pass costs more than the
 * decision). Authentication is the same Authenticator as every other route.
 */
@Injectable()
export class CheckRoutes implements OnModuleInit {
  private readonly logger = new Logger('Checks');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly index: PermissionIndexService,
    private readonly metrics: CheckMetrics,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Optional() @Inject(DECISION_LOG) private readonly decisionLog: DecisionLog | null,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.route<{ Body: CheckBody }>({
      method: 'POST',
      url: '/v1/checks',
      attachValidation: true,
      schema: { body: checkBodySchema, response: { 200: checkResponseSchema } },
      handler: (request, reply) => this.serve(request, reply, SINGLE, 1, (principal) => {
        const body = request.body;
        this.authorize(principal, [body]);
        const at = instantOf(body.at, 'at');
        return this.afterToken(consistencyToken(request.headers['x-consistency-token'], body), () => {
          const now = Date.now();
          const result = this.decide(body, at ?? now, now, principal, String(request.id));
          return { ...result, position: this.index.position() };
        });
      }),
    });
    fastify.route<{ Body: BatchBody }>({
      method: 'POST',
      url: '/v1/checks/batch',
      attachValidation: true,
      schema: { body: batchBodySchema, response: { 200: batchResponseSchema } },
      handler: (request, reply) => this.serve(request, reply, BATCH, batchCost(request), (principal) => {
        const body = request.body;
        this.authorize(principal, body.checks);
        // Every item is read before any is decided: a bad one refuses the batch and records nothing.
        const ats = body.checks.map((item, index) => instantOf(item.at, `checks.${index}.at`));
        return this.afterToken(consistencyToken(request.headers['x-consistency-token'], body), () => {
          const now = Date.now();
          const requestId = String(request.id);
          return { results: body.checks.map((item, index) => this.decide(item, ats[index] ?? now, now, principal, requestId)), position: this.index.position() };
        });
      }),
    });
  }

  /**
   * Authenticates, then answers (Fastify serialises what this resolves to with the route's response
   * schema); a refusal is sent here as problem+json. The decision waits only for a consistency token
   * ahead of the index: without one (most checks) no promise is made for it. The timer ends at the answer.
   */
  private async serve(request: FastifyRequest, reply: FastifyReply, route: RouteLabel, cost: number, answer: (principal: Principal) => unknown): Promise<unknown> {
    const started = performance.now();
    try {
      const principal = await this.authenticator.authenticate(request.headers.authorization, cost, reply);
      if (request.validationError) throw invalid(request.validationError.validation);
      const body = answer(principal);
      return body instanceof Promise ? await body : body;
    } catch (error: unknown) {
      return replyWithProblem(error, request, reply, this.logger);
    } finally {
      latency.observe(route, (performance.now() - started) / 1000);
    }
  }

  private afterToken<T>(token: string | null, answer: () => T): T | Promise<T> {
    if (token === null || token <= this.index.position()) return answer();
    return this.index.waitFor(token).then(answer);
  }

  /** Services need checks:read; an employee may ask only about themself. */
  private authorize(principal: Principal, items: readonly CheckItem[]): void {
    if (hasScope(principal, 'checks:read')) return;
    if (principal.kind === 'employee' && items.every((item) => item.employeeId === principal.id)) return;
    throw new ForbiddenError('CHECKS_NOT_ALLOWED', 'checks need the checks:read scope, or be about yourself');
  }

  private decide(item: CheckItem, at: number, now: number, principal: Principal, requestId: string): CheckResult {
    const query: CheckQuery = item.context ? { employeeId: item.employeeId, authority: item.authority, at, context: item.context } : { employeeId: item.employeeId, authority: item.authority, at };
    const result = this.index.index.check(query);
    this.metrics.count(result.reason);
    if (item.record === true) {
      if (this.decisionLog === null) throw new NotSupportedError('DECISION_LOG_UNAVAILABLE', 'this replica keeps no decision log');
      this.decisionLog.record({
        employeeId: item.employeeId,
        authority: item.authority,
        context: item.context ?? null,
        at: new Date(at).toISOString(),
        allowed: result.allowed,
        reason: result.reason,
        grantId: result.grantId ?? null,
        policyVersion: this.catalogue.version,
        requestedBy: principal.id,
        requestId,
        decidedAt: new Date(now).toISOString(),
      }, this.index.position());
    }
    return result;
  }
}

/** What a batch costs of its caller's budget: its checks, as many as it may hold; an invalid batch (answered 400) costs one. */
const batchCost = (request: FastifyRequest<{ Body: BatchBody }>): number =>
  request.validationError || !Array.isArray(request.body?.checks) ? 1 : Math.max(1, Math.min(MAX_BATCH, request.body.checks.length));

/** The instant a check asks about (`undefined`: now); a date that does not exist is a 400 naming the field. */
function instantOf(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const at = parseInstant(value);
  if (at === null) throw InvalidRequestError.fields(`invalid request: ${field}`, { [field]: ['must be an existing ISO-8601 instant with offset'] });
  return at;
}

function invalid(errors: readonly FastifySchemaValidationError[]): InvalidRequestError {
  // Field names come from the request: a plain object would answer `constructor` from its prototype.
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const error of errors) {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = error.keyword === 'required' ? String((error.params as { missingProperty?: unknown }).missingProperty ?? '') : '';
    const extra = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty?: unknown }).additionalProperty ?? '') : '';
    const field = [base, missing || extra].filter(Boolean).join('.') || 'body';
    (fields[field] ??= []).push(extra ? 'is not allowed' : (error.message ?? 'is invalid'));
  }
  return InvalidRequestError.fields(`invalid request: ${Object.keys(fields).join(', ')}`, fields);
}
