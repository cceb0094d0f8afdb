import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { approveAuthorizationControllerRun, finalApproveAuthorizationControllerRun, inboxControllerInbox, issueNoticeControllerRun, reviewAuthorizationControllerRun } from '../../api/generated/sdk.gen';
import { commandHeaders } from '../authorizations/api';

/** The worklist polls: a new task shows within seconds without a reload. */
export const WORKLIST_REFRESH_MS = 3_000;

export const useInbox = () => useQuery({ queryKey: ['inbox'], queryFn: () => unwrap(inboxControllerInbox()), refetchInterval: WORKLIST_REFRESH_MS, refetchIntervalInBackground: false });

export type Decision = { readonly kind: 'review' | 'approval' | 'final-approval'; readonly positive: boolean; readonly opinion: string };

/** A decision on the authorization as the card showed it (`shownVersion`, sent as If-Match). */
export function sendDecision(id: string, decision: Decision, shownVersion: number) {
  const { kind, positive, opinion } = decision;
  const headers = commandHeaders(shownVersion);
  if (kind === 'review') return unwrap(reviewAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'pass' : 'reject', opinion }, headers }));
  if (kind === 'approval') return unwrap(approveAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'approve' : 'reject', opinion }, headers }));
  return unwrap(finalApproveAuthorizationControllerRun({ path: { id }, body: { decision: positive ? 'approve' : 'reject', opinion }, headers }));
}

export const sendNotice = (id: string, copiesTo: string[] | undefined, shownVersion: number) =>
  unwrap(issueNoticeControllerRun({ path: { id }, body: (copiesTo === undefined ? {} : { copiesTo }) as { copiesTo: string[] }, headers: commandHeaders(shownVersion) }));
