/**
 * Every problem code the service can answer has a text in both catalogues (SPEC §12, Languages):
 * the codes are read from the source (what the application and the edge throw) and from the
 * domain's code tables, so a new code without texts fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_ERROR_CODES } from '../../../../libs/domain/src/errors.js';
import { SUPERVISION_ERROR_CODES } from '../../../../libs/domain/src/supervision/supervision-errors.js';
import { messageOrNull } from '../../../../libs/messages/src/index.js';
import { DomainError } from '../../../../libs/domain/src/index.js';
import { ForbiddenError, NotFoundError } from '../shared/application-errors.js';
import { toProblem } from './problem.filter.js';

const ROOTS = ['apps/authorization-service/src', 'libs/read-models/src', 'libs/sql/src', 'libs/event-store/src'];
const PATTERNS = [
  /(?:Error|Exception)\(\s*'([A-Z][A-Z0-9_]{2,})'/g,
  /problem\(\s*\d{3},\s*'([A-Z][A-Z0-9_]{2,})'/g,
  /\[\d{3}, '([A-Z][A-Z0-9_]{2,})'/g,
  /\? '([A-Z][A-Z0-9_]{2,})'/g,
  /code(?: =|:) '([A-Z][A-Z0-9_]{2,})'/g,
  /super\('([A-Z][A-Z0-9_]{2,})'/g,
];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });

const codesInSource = (): Set<string> => {
  const codes = new Set<string>();
  for (const file of ROOTS.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) if (match[1] !== undefined) codes.add(match[1]);
  }
  return codes;
};

/** Strings the patterns also meet that are not problem codes (signals, algorithms, parser errors; read-model errors answered as VALIDATION_FAILED; a start-up ConfigError's variable). */
const NOT_CODES = new Set(['API_WORKERS', 'INVALID_PERIOD', 'INVALID_LIMIT', 'INVALID_FILTER', 'SIGTERM', 'SIGINT', 'HS256', 'RS256', 'ES256', 'PS256', 'ECONNREFUSED', 'ECONNRESET', 'ERR_HTTP_REQUEST_TIMEOUT', 'HPE_HEADER_OVERFLOW']);

describe('problem texts', () => {
  const codes = [...codesInSource(), ...Object.keys(DOMAIN_ERROR_CODES), ...Object.keys(SUPERVISION_ERROR_CODES)].filter((code) => !NOT_CODES.has(code) && !code.startsWith('FST_'));

  it('finds the codes it checks', () => {
    expect(codes).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'NOT_FOUND', 'SEPARATION_OF_DUTIES', 'STORE_UNAVAILABLE', 'MALFORMED_REQUEST', 'NOT_INVESTIGATOR']));
  });

  it.each(['en', 'zh-Hant'] as const)('has a %s text for every code', (language) => {
    const missing = [...new Set(codes)].filter((code) => !messageOrNull(language, `problem.${code}`)?.trim());
    expect(missing).toEqual([]);
  });

  it('renders title and detail in zh-Hant and keeps code, status, type and extensions', () => {
    const english = toProblem(new DomainError('SEPARATION_OF_DUTIES', 'E101 may not review their own application'));
    const chinese = toProblem(new DomainError('SEPARATION_OF_DUTIES', 'E101 may not review their own application'), 'zh-Hant');
    expect(english).toMatchObject({ status: 403, title: 'Forbidden', code: 'SEPARATION_OF_DUTIES', detail: 'E101 may not review their own application' });
    expect(chinese).toMatchObject({ status: 403, title: '禁止存取', code: 'SEPARATION_OF_DUTIES', type: english.type });
    expect(chinese.detail).toContain('職責分離');
    expect(toProblem(new NotFoundError('employee', 'E999'), 'zh-Hant')).toMatchObject({ title: '找不到資源', detail: '請求所指的資源不存在。', code: 'NOT_FOUND' });
    expect(toProblem(new ForbiddenError('NOT_ALLOWED_TO_READ', 'no'), 'en')).toMatchObject({ title: 'Forbidden', detail: 'no' });
  });

  it('keeps the English detail of a code the catalogue does not know', () => {
    expect(toProblem(Object.assign(new Error('weird'), { statusCode: 400, code: 'FST_SOMETHING' }), 'zh-Hant')).toMatchObject({ code: 'FST_SOMETHING', detail: 'weird', title: '請求錯誤' });
  });
});
