import { type Language, message, messageOrNull, negotiateLanguage } from '../../../../libs/messages/src/index.js';

/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: Readonly<Record<string, readonly string[]>>;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://callcenter.example/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(status, 'en'),
    status,
    detail,
    code,
    ...extra,
  };
}

const titleOf = (status: number, language: Language): string => messageOrNull(language, `problem.title.${status}`) ?? message(language, 'problem.title.other');

/**
 * The problem in the caller's language (SPEC §12): the title of its status and, in zh-Hant, the
 * catalogue's text of its code. English keeps the detail the application wrote, which names the
 * very field or id; `code`, `status`, `type` and the extensions never change.
 */
export function localizeProblem(body: Problem, language: Language): Problem {
  if (language === 'en') return body;
  return { ...body, title: titleOf(body.status, language), detail: messageOrNull(language, `problem.${body.code}`) ?? body.detail };
}

/** The language of a request's problems: its Accept-Language, else English. */
export const problemLanguage = (acceptLanguage: string | readonly string[] | undefined): Language => negotiateLanguage(acceptLanguage);

/** Thrown only by the HTTP edge itself; features throw application errors (shared/application-errors.ts). */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';
  readonly problem: Problem;
  constructor(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
    super(detail);
    this.problem = problem(status, code, detail, extra);
  }
}

/** Seconds a client waits before retrying a 503 (sent as Retry-After); the application's errors say it too. */
export { RETRY_AFTER_SECONDS } from '../shared/application-errors.js';
