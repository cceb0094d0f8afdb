import { useQuery } from '@tanstack/react-query';
import { idempotencyKey, unwrap } from '../../api/client';
import { approveAuthorizationControllerRun, finalApproveAuthorizationControllerRun, inboxControllerInbox, issueNoticeControllerRun, reviewAuthorizationControllerRun } from '../../api/generated/sdk.gen';

/** The worklist polls: a new task shows within seconds without a reload. */
export const WORKLIST_REFRESH_MS = 3_000;

export const useInbox = () => useQuery({ queryKey: ['inbox'], queryFn: () => unwrap(inboxControllerInbox()), refetchInterval: WORKLIST_REFRESH_MS, refetchIntervalInBackground: false });

export type Decision = { readonly kind: 'review' | 'approval' | 'final-approval'; readonly positive: boolean; readonly opinion: string };

const headers = () => ({ 'Idempotency-Key': idempotencyKey() });

export function sendDecision(id: string, decision: Decision) {
  const { kind, positive, opinion } = decision;
  if (kind === 'review') return unwrap(reviewAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'pass' : 'reject', opinion }, headers: headers() }));
  if (kind === 'approval') return unwrap(approveAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'approve' : 'reject', opinion }, headers: headers() }));
  return unwrap(finalApproveAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'approve' : 'reject', opinion }, headers: headers() }));
}

export const sendNotice = (id: string, copiesTo: string[] | undefined) =>
  unwrap(issueNoticeControllerRun({ path: { id }, body: (copiesTo === undefined ? {} : { copiesTo }) as { copiesTo: string[] }, headers: headers() }));
