import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { decideAccessReviewItemControllerDecide, readAccessReviewsControllerGet, readAccessReviewsControllerList, startAccessReviewControllerStart } from '../../api/generated/sdk.gen';
import type { DecideAccessReviewItemDto, ReadAccessReviewsControllerGetResponse, ReadAccessReviewsControllerListResponse, StartAccessReviewDto } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type AccessReview = ReadAccessReviewsControllerGetResponse;
export type AccessReviewItem = AccessReview['items'][number];
export type AccessReviewSummary = ReadAccessReviewsControllerListResponse['items'][number];

/** Progress moves while others decide: the views poll. */
const REFRESH_MS = 5_000;

export const accessReviewKeys = { all: ['access-reviews'] as const, list: ['access-reviews', 'list'] as const, detail: (id: string) => ['access-reviews', 'detail', id] as const };

/** The campaigns I may read, newest first as the server pages them (older ones on "load more"). */
export const useAccessReviews = () =>
  usePagedList<AccessReviewSummary>(accessReviewKeys.list, (page) => unwrap(readAccessReviewsControllerList({ query: page })), { refetchInterval: REFRESH_MS });

export const useAccessReview = (id: string) =>
  useQuery({ queryKey: accessReviewKeys.detail(id), queryFn: () => unwrap(readAccessReviewsControllerGet({ path: { id } })), refetchInterval: REFRESH_MS, refetchIntervalInBackground: false });

export function useStartAccessReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartAccessReviewDto) => unwrap(startAccessReviewControllerStart({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: async () => client.invalidateQueries({ queryKey: accessReviewKeys.all }),
  });
}

/** One item's decision; the answer is the campaign after it. A refusal because it changed meanwhile reloads it (a stale view never acts twice). */
export function useDecideItem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ authorizationId, ...body }: DecideAccessReviewItemDto & { readonly authorizationId: string }) =>
      unwrap(decideAccessReviewItemControllerDecide({ path: { id, authorizationId }, body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: (review) => client.setQueryData(accessReviewKeys.detail(id), review),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: accessReviewKeys.all });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export interface Progress {
  readonly kept: number;
  readonly revoked: number;
  readonly defaulted: number;
  readonly undecided: number;
}

/** Decided (by a reviewer or by default) out of all items, and the share as a whole percentage. */
export function progressShare(progress: Progress): { readonly decided: number; readonly total: number; readonly percent: number } {
  const decided = progress.kept + progress.revoked + progress.defaulted;
  const total = decided + progress.undecided;
  return { decided, total, percent: total === 0 ? 100 : Math.floor((decided * 100) / total) };
}
