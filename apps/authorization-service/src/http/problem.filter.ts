import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOMAIN_ERROR_CODES, DomainError, SupervisionError } from '../../../../libs/domain/src/index.js';
import { ConcurrencyError } from '../../../../libs/event-store/src/index.js';
import { InvalidCursorError, InvalidFilterError, InvalidLimitError } from '../../../../libs/read-models/src/index.js';
import { InvalidPeriodError } from '../../../../libs/read-models/src/kpis/index.js';
import { findStoreUnavailable } from '../../../../libs/sql/src/store-unavailable.js';
import { ApplicationError, type ApplicationErrorKind, RETRY_AFTER_SECONDS } from '../shared/application-errors.js';
import type { Language } from '../../../../libs/messages/src/index.js';
import { localizeProblem, type Problem, PROBLEM_CONTENT_TYPE, ProblemException, problem, problemLanguage } from './problem.js';

/** The one place an application error gets its HTTP status. */
const STATUS_OF: Readonly<Record<ApplicationErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
  'not-supported': 501,
  unavailable: 503,
};


/** Maps every error to problem+json once, in `language`; anything unexpected is a logged 500 without internals. */
export function toProblem(error: unknown, language: Language = 'en'): Problem {
  return localizeProblem(problemOf(error), language);
}

function problemOf(error: unknown): Problem {
  if (error instanceof ApplicationError) return problem(STATUS_OF[error.kind], error.code, error.message, { ...error.extensions });
  if (error instanceof ProblemException) return error.problem;
  if (findStoreUnavailable(error) !== null) {
    return problem(503, 'STORE_UNAVAILABLE', 'the store is unavailable; retry later with the same Idempotency-Key', { retryAfter: RETRY_AFTER_SECONDS });
  }
  if (error instanceof SupervisionError) return problem(error.status, error.code, error.message);
  if (error instanceof DomainError) {
    return problem(DOMAIN_ERROR_CODES[error.code], error.code, error.message, error.details ? { details: error.details } : {});
  }
  if (error instanceof InvalidCursorError || error instanceof InvalidLimitError || error instanceof InvalidFilterError || error instanceof InvalidPeriodError) {
    const field = error instanceof InvalidCursorError ? 'cursor' : error instanceof InvalidLimitError ? 'limit' : error instanceof InvalidPeriodError ? 'period' : error.field;
    return problem(400, 'VALIDATION_FAILED', error.message, { errors: { [field]: [error.message] } });
  }
  if (error instanceof ConcurrencyError) {
    return problem(409, 'CONCURRENCY_CONFLICT', 'the resource was changed by another request; read it again and retry');
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const fastifyCode = (error as { code?: unknown; statusCode?: unknown } | null)?.code;
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return fromFastifyError(statusCode, typeof fastifyCode === 'string' ? fastifyCode : '', error);
  }
  return problem(500, 'INTERNAL', 'an unexpected error occurred; it has been logged');
}

/** The headers of a problem answer: its content type, and Retry-After when it says when to retry. */
export function problemHeaders(body: Problem): Record<string, string> {
  const retryAfter = body['retryAfter'];
  return typeof retryAfter === 'number' ? { 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': String(retryAfter) } : { 'content-type': PROBLEM_CONTENT_TYPE };
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const body = error.getResponse();
  const code = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
  const detail = typeof body === 'string' ? body : typeof (body as { message?: unknown }).message === 'string' ? String((body as { message: string }).message) : error.message;
  return problem(status, code, detail);
}

function fromFastifyError(status: number, code: string, error: unknown): Problem {
  if (status === 413) return problem(413, 'PAYLOAD_TOO_LARGE', 'request body exceeds 1 MiB');
  if (status === 415) return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send JSON with content-type application/json');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return problem(400, 'MALFORMED_JSON', 'the request body is not valid JSON');
  }
  return problem(status, code || `HTTP_${status}`, error instanceof Error ? error.message : 'bad request');
}

/** Answers a request with the problem of `error`: Nest's filter and the raw check routes render the same way. */
export function replyWithProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): FastifyReply {
  const body = toProblem(error, problemLanguage(request.headers['accept-language']));
  // 503s (not ready, consistency wait, backlog) are expected answers, not faults worth a stack trace.
  if (body.status >= 500 && body.status !== 503) logger.error({ err: error, reqId: request.id }, 'unhandled error');
  return reply
    .status(body.status)
    .headers(problemHeaders(body))
    .send({ ...body, instance: request.url });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    void replyWithProblem(error, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), this.logger);
  }
}
