import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, unwrap } from '../../api/client';
import { readBacksControllerAssessments, recordAssessmentControllerRun } from '../../api/generated/sdk.gen';
import type { ReadBacksControllerAssessmentsData, ReadBacksControllerAssessmentsResponse, RecordAssessmentDto } from '../../api/generated/types.gen';

export type AssessmentQuery = NonNullable<ReadBacksControllerAssessmentsData['query']>;
export type Assessment = ReadBacksControllerAssessmentsResponse['items'][number];

export const useAssessments = (query: AssessmentQuery) =>
  useQuery({ queryKey: ['assessments', query], queryFn: async () => [...(await unwrap(readBacksControllerAssessments({ query: { limit: '500', ...query } }))).items].reverse() });

export const useRecordAssessment = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAssessmentDto) => unwrap(recordAssessmentControllerRun({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSettled: async (_data, error) => {
      if (!error) await client.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
};
