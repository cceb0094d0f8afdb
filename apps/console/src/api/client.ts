import { client } from './generated/client.gen';
import { ApiProblem, type ProblemBody } from './problem';
import { endSession, hasStoredSession, readSession } from '../lib/session';
import { currentLanguage } from '../lib/i18n';

/**
 * The one client of the public API (types generated from /openapi.json): same origin, the
 * session's bearer token, the shown language for problem texts. A 401 ends the session and brings
 * the person back here after sign-in, the form's draft kept (lib/drafts.ts).
 */
// Same origin; fetch looked up per request (never captured), so a test can answer for the API.
client.setConfig({ baseUrl: location.origin, fetch: (input, init) => globalThis.fetch(input, init) });
client.interceptors.request.use((request) => {
  const session = readSession();
  if (session) request.headers.set('authorization', `Bearer ${session.token}`);
  request.headers.set('accept-language', currentLanguage());
  return request;
});
client.interceptors.response.use((response) => {
  // A session that expired here before its timer said so (a tab asleep) still ends, and comes back.
  if (response.status === 401 && hasStoredSession()) endSession(`${location.pathname}${location.search}`);
  return response;
});

export { client };

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response?: Response;
}

/** Awaits a generated SDK call: its data, or an ApiProblem carrying the server's problem. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response && !response.ok) {
    const body: ProblemBody = error && typeof error === 'object' ? (error as ProblemBody) : { detail: String(error ?? response.statusText) };
    throw new ApiProblem(response.status, body);
  }
  if (error !== undefined) throw new ApiProblem(response?.status ?? 0, { detail: String(error) });
  return data as T;
}

/** A new Idempotency-Key: a retried click of the same form never acts twice. */
export const idempotencyKey = (): string => crypto.randomUUID();
