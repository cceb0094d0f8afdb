import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  detail: (id: string) => ['authorizations', 'detail', id] as const,
};

export const useAuthorizations = (query: AuthorizationListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: authorizationKeys.list(query), queryFn: () => unwrap(listAuthorizationsControllerList({ query: { limit: '200', ...query } })), enabled: options.enabled ?? true });

export const useAuthorization = (id: string) => useQuery({ queryKey: authorizationKeys.detail(id), queryFn: () => unwrap(getAuthorizationControllerGet({ path: { id } })) });

/**
 * A command on one authorization, decided on what the person saw: the server refuses a transition
 * the authorization no longer allows with 409, and the view then reloads instead of acting on stale
 * terms. Each send carries an Idempotency-Key, so a retried request acts once.
 */
export function useAuthorizationCommand<V>(id: string, send: (id: string, variables: V, key: string) => Promise<{ position: string }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => send(id, variables, idempotencyKey()),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: authorizationKeys.all });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

const headers = (key: string) => ({ 'Idempotency-Key': key });

export const sendAcknowledgement = (id: string, _: void, key: string) => unwrap(acknowledgeNoticeControllerRun({ path: { id }, body: {}, headers: headers(key) }));
export const sendWithdrawal = (id: string, _: void, key: string) => unwrap(withdrawApplicationControllerRun({ path: { id }, body: {}, headers: headers(key) }));
export const sendCompletion = (id: string, note: string, key: string) => unwrap(completeAuthorizationControllerRun({ path: { id }, body: note ? { note } : {}, headers: headers(key) }));
export const sendRevocation = (id: string, reason: string, key: string) => unwrap(revokeAuthorizationControllerRun({ path: { id }, body: { reason }, headers: headers(key) }));
export const sendChange = (id: string, body: RequestChangeDto, key: string) => unwrap(requestChangeControllerRun({ path: { id }, body, headers: headers(key) }));
