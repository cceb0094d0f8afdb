import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, unwrap } from '../../api/client';
import { completeActionControllerRun, listMeetingsControllerList, recordMeetingControllerRun } from '../../api/generated/sdk.gen';
import type { ListMeetingsControllerListResponse, RecordMeetingDto } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type Meeting = ListMeetingsControllerListResponse['items'][number];

const KEY = ['meetings'] as const;

/** The meetings I may read (attendees and the recorder theirs; managers and compliance all), newest first. */
export const useMeetings = () =>
  useQuery({
    queryKey: KEY,
    queryFn: async () => [...(await unwrap(listMeetingsControllerList({ query: { limit: '100' } }))).items].reverse(),
  });

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
