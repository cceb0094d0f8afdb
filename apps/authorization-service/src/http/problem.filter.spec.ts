import { StoreUnavailableError } from '../../../../libs/sql/src/store-unavailable.js';
import { problemHeaders, toProblem } from './problem.filter.js';
import {
  type ApplicationError,
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  InvariantError,
  NotFoundError,
  NotSupportedError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  UnprocessableError,
} from '../shared/application-errors.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

describe('toProblem for an unavailable store', () => {
  it('answers 503 STORE_UNAVAILABLE with Retry-After, also when the error is wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const error of [new StoreUnavailableError({ cause: refused }), new Error('read failed', { cause: new StoreUnavailableError({ cause: refused }) })]) {
      const body = toProblem(error);
      expect(body).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE', retryAfter: 1 });
      expect(body.detail).not.toContain('127.0.0.1');
      expect(problemHeaders(body)).toEqual({ 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '1' });
    }
  });

  it('sends no Retry-After for problems that do not say when to retry', () => {
    const body = toProblem(new Error('boom'));
    expect(body).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(problemHeaders(body)).toEqual({ 'content-type': PROBLEM_CONTENT_TYPE });
  });
});

describe('toProblem for application errors', () => {
  it('gives each kind its one status, with its code, detail and extensions', () => {
    const cases: readonly [ApplicationError, Record<string, unknown>][] = [
      [InvalidRequestError.fields('invalid request: at', { at: ['bad'] }), { status: 400, code: 'VALIDATION_FAILED', detail: 'invalid request: at', errors: { at: ['bad'] } }],
      [new UnauthenticatedError('INVALID_TOKEN', 'expired'), { status: 401, code: 'INVALID_TOKEN', title: 'Unauthorized' }],
      [new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not'), { status: 403, code: 'NOT_ALLOWED_TO_READ' }],
      [new NotFoundError('employee', 'E999'), { status: 404, code: 'NOT_FOUND', detail: 'employee E999 does not exist', type: 'https://callcenter.example/problems/not-found' }],
      [new ConflictError('INVALID_TRANSITION', 'gone'), { status: 409, code: 'INVALID_TRANSITION' }],
      [new UnprocessableError('COMPLETED_IN_FUTURE', 'later', { completedAt: ['future'] }), { status: 422, code: 'COMPLETED_IN_FUTURE', errors: { completedAt: ['future'] } }],
      [new RateLimitedError('used up', 7), { status: 429, code: 'RATE_LIMITED', retryAfter: 7 }],
      [new InvariantError('no state'), { status: 500, code: 'INTERNAL', detail: 'no state' }],
      [new NotSupportedError('DECISION_LOG_UNAVAILABLE', 'none here'), { status: 501, code: 'DECISION_LOG_UNAVAILABLE', title: 'Error' }],
      [new UnavailableError('NOT_READY', 'not ready', { checks: { store: 'down' } }), { status: 503, code: 'NOT_READY', retryAfter: 1, checks: { store: 'down' } }],
    ];
    for (const [error, expected] of cases) expect(toProblem(error)).toMatchObject(expected);
  });

  it('sends Retry-After for every unavailable and rate-limited refusal', () => {
    expect(problemHeaders(toProblem(new UnavailableError('CONSISTENCY_TIMEOUT', 'later')))).toEqual({ 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '1' });
    expect(problemHeaders(toProblem(new RateLimitedError('used up', 7)))).toEqual({ 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '7' });
  });
});
