import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { inspectionSampleControllerSample, readBacksControllerInspections, recordInspectionControllerRun } from '../../api/generated/sdk.gen';
import type { InspectionSampleControllerSampleResponse, ReadBacksControllerInspectionsData, ReadBacksControllerInspectionsResponse, RecordInspectionDto } from '../../api/generated/types.gen';

export type InspectionQuery = NonNullable<ReadBacksControllerInspectionsData['query']>;
export type Inspection = ReadBacksControllerInspectionsResponse['items'][number];
/** A sampled decision of the decision log. */
export type SampledDecision = InspectionSampleControllerSampleResponse['items'][number];

/** The inspections the API lets me read, in the order they were recorded, oldest first as the server pages them (lib/paged-list says why). */
export const useInspections = (query: InspectionQuery) =>
  usePagedList<Inspection>(['inspections', query], (page) => unwrap(readBacksControllerInspections({ query: { ...query, ...page } })));

/** A random draw: asked for on a click (each draw differs), never refetched behind the inspector's back. */
export const useSample = (size: number, draw: number) =>
  useQuery({
    queryKey: ['inspections', 'sample', size, draw],
    queryFn: async () => (await unwrap(inspectionSampleControllerSample({ query: { size: String(size) } }))).items,
    enabled: draw > 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useRecordInspection = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInspectionDto) => unwrap(recordInspectionControllerRun({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inspections'], predicate: (query) => query.queryKey[1] !== 'sample' }),
  });
};
