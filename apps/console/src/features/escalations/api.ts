import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { raiseEscalationControllerRun, readBacksControllerEscalations, resolveEscalationControllerRun } from '../../api/generated/sdk.gen';
import type { RaiseEscalationDto, ReadBacksControllerEscalationsData, ReadBacksControllerEscalationsResponse } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type EscalationQuery = NonNullable<ReadBacksControllerEscalationsData['query']>;
export type Escalation = ReadBacksControllerEscalationsResponse['items'][number];

/**
 * Escalations the API lets the caller read (their own; their team's; all for managers and
 * compliance), in the order they were raised, oldest first as the server pages them (lib/paged-list says why).
 */
export const useEscalations = (query: EscalationQuery) =>
  usePagedList<Escalation>(['escalations', query], (page) => unwrap(readBacksControllerEscalations({ query: { ...query, ...page } })), { refetchInterval: 5_000 });

/** A command on escalations; a 409 (already resolved meanwhile) reloads the list rather than acting on what is stale. */
function useEscalationCommand<V>(send: (variables: V, key: string) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => send(variables, idempotencyKey()),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: ['escalations'] });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export const useRaiseEscalation = () => useEscalationCommand((body: RaiseEscalationDto, key) => unwrap(raiseEscalationControllerRun({ body, headers: { 'Idempotency-Key': key } })));

export const useResolveEscalation = () =>
  useEscalationCommand(({ id, resolution }: { id: string; resolution: string }, key) => unwrap(resolveEscalationControllerRun({ path: { id }, body: { resolution }, headers: { 'Idempotency-Key': key } })));
