import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import {
  acknowledgeNoticeControllerRun,
  completeAuthorizationControllerRun,
  getAuthorizationControllerGet,
  listAuthorizationsControllerList,
  requestChangeControllerRun,
  revokeAuthorizationControllerRun,
  withdrawApplicationControllerRun,
} from '../../api/generated/sdk.gen';
import type { GetAuthorizationControllerGetResponse, ListAuthorizationsControllerListData, RequestChangeDto } from '../../api/generated/types.gen';

export type AuthorizationDetail = GetAuthorizationControllerGetResponse;
export type AuthorizationListQuery = NonNullable<ListAuthorizationsControllerListData['query']>;

export const authorizationKeys = {
  all: ['authorizations'] as const,
  list: (query: AuthorizationListQuery) => ['authorizations', 'list', query] as const,
  pages: (query: AuthorizationListQuery) => ['authorizations', 'pages', query] as const,
  detail: (id: string) => ['authorizations', 'detail', id] as const,
};

/**
 * The newest 200 authorizations matching `query`, one request: the worklist's applicant record
 * (features/worklist/ApplicantRecord). Lists people read page by page use useAuthorizationList
 * (./list.ts), a module of its own so that the worklist route does not load the paged hook.
 */
export const useAuthorizations = (query: AuthorizationListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: authorizationKeys.list(query), queryFn: () => unwrap(listAuthorizationsControllerList({ query: { limit: '200', ...query } })), enabled: options.enabled ?? true });

export const useAuthorization = (id: string) => useQuery({ queryKey: authorizationKeys.detail(id), queryFn: () => unwrap(getAuthorizationControllerGet({ path: { id } })) });

/**
 * A command on one authorization, decided on what the person saw: it carries the version of the
 * view shown (If-Match), so the server acts only while the authorization is still as shown, and
 * refuses with 409 (CONCURRENCY_CONFLICT, or INVALID_TRANSITION when the step is gone) otherwise;
 * the view then reloads, the server's problem stays shown, and nothing acted on stale terms. Each
 * send carries an Idempotency-Key, so a retried request acts once.
 */
export function useAuthorizationCommand<V>(id: string, shownVersion: number | undefined, send: (id: string, variables: V, headers: CommandHeaders) => Promise<{ position: string }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => send(id, variables, commandHeaders(shownVersion)),
    onSettled: async (_data, error) => {
      if (error && !isStale(error)) return;
      await reloadAfterCommand(client);
    },
  });
}

/** A refusal that means the view was stale: reload it. */
export const isStale = (error: unknown): boolean => isProblem(error) && error.status === 409;

/** What a command changes: every authorization view and the worklist. */
export async function reloadAfterCommand(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ queryKey: authorizationKeys.all });
  await client.invalidateQueries({ queryKey: ['inbox'] });
}

// A type, not an interface: the generated client takes a Record of headers.
export type CommandHeaders = {
  readonly 'Idempotency-Key': string;
  readonly 'If-Match'?: string;
};

/** A new Idempotency-Key, and the version shown as If-Match (none when nothing was shown yet). */
export const commandHeaders = (shownVersion: number | undefined): CommandHeaders => ({
  'Idempotency-Key': idempotencyKey(),
  ...(shownVersion === undefined ? {} : { 'If-Match': `"${shownVersion}"` }),
});

export const sendAcknowledgement = (id: string, _: void, headers: CommandHeaders) => unwrap(acknowledgeNoticeControllerRun({ path: { id }, body: {}, headers }));
export const sendWithdrawal = (id: string, _: void, headers: CommandHeaders) => unwrap(withdrawApplicationControllerRun({ path: { id }, body: {}, headers }));
export const sendCompletion = (id: string, note: string, headers: CommandHeaders) => unwrap(completeAuthorizationControllerRun({ path: { id }, body: note ? { note } : {}, headers }));
export const sendRevocation = (id: string, reason: string, headers: CommandHeaders) => unwrap(revokeAuthorizationControllerRun({ path: { id }, body: { reason }, headers }));
export const sendChange = (id: string, body: RequestChangeDto, headers: CommandHeaders) => unwrap(requestChangeControllerRun({ path: { id }, body, headers }));
