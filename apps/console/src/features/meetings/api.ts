import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { completeActionControllerRun, listMeetingsControllerList, recordMeetingControllerRun } from '../../api/generated/sdk.gen';
import type { ListMeetingsControllerListResponse, RecordMeetingDto } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type Meeting = ListMeetingsControllerListResponse['items'][number];

const KEY = ['meetings'] as const;

/**
 * The meetings I may read (attendees and the recorder theirs; managers and compliance all), in the
 * order they were held, oldest first as the server pages them (lib/paged-list says why).
 */
export const useMeetings = () => usePagedList<Meeting>(KEY, (page) => unwrap(listMeetingsControllerList({ query: page })));

export function useRecordMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordMeetingDto) => unwrap(recordMeetingControllerRun({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: async () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCompleteAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, n }: { readonly id: string; readonly n: number }) => unwrap(completeActionControllerRun({ path: { id, n: String(n) }, body: {}, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
