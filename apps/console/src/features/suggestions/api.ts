import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { answerSuggestionControllerRun, submitSuggestionControllerRun, suggestionsReadControllerList } from '../../api/generated/sdk.gen';
import type { AnswerSuggestionDto, SubmitSuggestionDto, SuggestionsReadControllerListResponse } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type Suggestion = SuggestionsReadControllerListResponse['items'][number] & { readonly yours?: boolean };

const KEY = ['suggestions'] as const;

/**
 * Managers and compliance read every suggestion, anyone else their own (the API decides); in the
 * order they were submitted, oldest first as the server pages them (lib/paged-list says why).
 */
export const useSuggestions = (status: 'open' | 'answered' | undefined) =>
  usePagedList<Suggestion>([...KEY, status ?? 'all'], (page) => unwrap(suggestionsReadControllerList({ query: { ...page, ...(status ? { status } : {}) } })), { refetchInterval: 5_000 });

export function useSubmitSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitSuggestionDto) => unwrap(submitSuggestionControllerRun({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: async () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** A suggestion is answered once: a 409 means someone answered meanwhile, and the list is reloaded. */
export function useAnswerSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AnswerSuggestionDto & { readonly id: string }) => unwrap(answerSuggestionControllerRun({ path: { id }, body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
