import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Page, type PageRequest, usePagedList } from '../../lib/paged-list';
import { idempotencyKey, unwrap } from '../../api/client';
import { concludeReportControllerRun, fileReportControllerFile, getReportControllerGet, listReportsControllerList, notifyReporterControllerRun, startInvestigationControllerRun } from '../../api/generated/sdk.gen';
import type { ConcludeReportDto, FileReportDto, GetReportControllerGetResponse, ListReportsControllerListData, ListReportsControllerListResponse } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';

export type ReportQuery = NonNullable<ListReportsControllerListData['query']>;
type Listed = ListReportsControllerListResponse['items'][number];
/** A report as its handlers read it. */
export type Report = Exclude<Listed, { finding: unknown }>;
export type ReportAction = NonNullable<Report['conclusion']>['actions'][number];
/** What its reporter reads of their own report: status, finding and the feedback. */
export type ReporterReport = Extract<GetReportControllerGetResponse, { finding: unknown }>;
/** One of the caller's own reports in the list (GET /v1/reports?filedBy=me). */
export type OwnReport = Extract<Listed, { finding: unknown }>;

export const isReporterView = (report: GetReportControllerGetResponse): report is ReporterReport => !('description' in report);

/** One page of reports as `R`: as their handlers read them, or (filedBy=me) as their reporter does. */
async function reportPage<R extends Listed>(query: ListReportsControllerListData['query'], page: PageRequest): Promise<Page<R>> {
  const answer: Page<Listed> = await unwrap(listReportsControllerList({ query: { ...query, ...page } }));
  return answer as Page<R>;
}

/** The reports I handle, in filing order, oldest first as the server pages them (lib/paged-list says why). */
export const useReports = (query: ReportQuery, enabled: boolean) => usePagedList(['reports', 'list', query], (page) => reportPage<Report>(query, page), { enabled, refetchInterval: 5_000 });

/** The caller's own reports (those they reported or filed), in filing order as the list above: status, finding and feedback. */
export const useOwnReports = (query: Omit<ReportQuery, 'filedBy'>) => usePagedList(['reports', 'own', query], (page) => reportPage<OwnReport>({ ...query, filedBy: 'me' }, page), { refetchInterval: 5_000 });

export const useReport = (id: string) =>
  useQuery({ queryKey: ['reports', 'detail', id], queryFn: async () => (await unwrap(getReportControllerGet({ path: { id } }))) as (Report & { position: string }) | ReporterReport });

export const useFileReport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FileReportDto) => unwrap(fileReportControllerFile({ body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
};

export type ReportCommand = { readonly kind: 'investigate' } | { readonly kind: 'conclude'; readonly body: ConcludeReportDto } | { readonly kind: 'feedback'; readonly message: string };

function send(id: string, command: ReportCommand, key: string) {
  const headers = { 'Idempotency-Key': key };
  if (command.kind === 'investigate') return unwrap(startInvestigationControllerRun({ path: { id }, body: {}, headers }));
  if (command.kind === 'conclude') return unwrap(concludeReportControllerRun({ path: { id }, body: command.body, headers }));
  return unwrap(notifyReporterControllerRun({ path: { id }, body: { message: command.message }, headers }));
}

/** A step of the investigation, decided on what the handler saw: a 409 (the report moved on meanwhile) reloads it. */
export function useReportCommand(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: ReportCommand) => send(id, command, idempotencyKey()),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: ['reports'] });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
