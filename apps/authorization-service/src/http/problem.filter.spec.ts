import { StoreUnavailableError } from '../../../../libs/sql/src/store-unavailable.js';
import { problemHeaders, toProblem } from './problem.filter.js';
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
