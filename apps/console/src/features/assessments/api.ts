import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { readBacksControllerAssessments, recordAssessmentControllerRun } from '../../api/generated/sdk.gen';
import type { ReadBacksControllerAssessmentsData, ReadBacksControllerAssessmentsResponse, RecordAssessmentDto } from '../../api/generated/types.gen';

export type AssessmentQuery = NonNullable<ReadBacksControllerAssessmentsData['query']>;
export type Assessment = ReadBacksControllerAssessmentsResponse['items'][number];

/** The assessments the API lets me read, in the order they were recorded, oldest first as the server pages them (lib/paged-list says why). */
export const useAssessments = (query: AssessmentQuery) =>
  usePagedList<Assessment>(['assessments', query], (page) => unwrap(readBacksControllerAssessments({ query: { ...query, ...page } })));

export const useRecordAssessment = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAssessmentDto) => unwrap(recordAssessmentControllerRun({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSettled: async (_data, error) => {
      if (!error) await client.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
};
