import { StoreUnavailableError } from '../../sql/src/store-unavailable.js';
import { ConfigError } from './config.js';
import { EXIT_CONFIG, EXIT_UNAVAILABLE, startFailure } from './start-failure.js';

describe('startFailure', () => {
  it('reports a store that does not answer in one line with exit code 69, naming no password', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { line, exitCode } = startFailure('projector', new Error('init', { cause: new StoreUnavailableError({ cause: refused }) }));
    expect(exitCode).toBe(EXIT_UNAVAILABLE);
    expect(line).toBe('projector failed to start: the store is unavailable: connect ECONNREFUSED 127.0.0.1:5432');
    expect(line).not.toContain('\n');
  });

  it('reports a configuration error with exit code 78, and anything else with its stack and exit code 1', () => {
    expect(startFailure(undefined, new ConfigError('PORT', 'must be a number'))).toMatchObject({ exitCode: EXIT_CONFIG });
    expect(startFailure(undefined, new ConfigError('PORT', 'must be a number')).line).toMatch(/^configuration error: .*PORT/);
    expect(startFailure(undefined, new Error('boom'))).toMatchObject({ exitCode: 1, line: expect.stringMatching(/^failed to start: Error: boom/) });
  });
});
