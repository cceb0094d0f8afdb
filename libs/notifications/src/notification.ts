/**
 * Notifications to people (SPEC §12): one per person a person-facing fact concerns. Stored
 * language-neutral (`kind` + `params`); the texts are rendered in the reader's language when read
 * or delivered. Not events of the audit trail.
 */
import { v5 as uuidv5 } from 'uuid';

/** Worklist kinds (SPEC §11) that notify, then facts about one's own application, grant, report or suggestion. */
export const NOTIFICATION_KINDS = [
  'review',
  'approval',
  'final-approval',
  'notice',
  'acknowledgement',
  'escalation',
  'report',
  'suggestion',
  'access-review',
  'training',
  'meeting-action',
  'decision',
  'expiry-reminder',
  'revoked',
  'report-feedback',
  'suggestion-answer',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a decision went, for the applicant's `decision` notification. */
export type DecisionOutcome = 'review-passed' | 'review-rejected' | 'approved' | 'rejected' | 'final-approved' | 'final-rejected';

export type NotificationParams = Readonly<Record<string, string | number>>;

/** What the reactor decides for one recipient of one event. */
export interface NotificationDraft {
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly subjectId: string;
  readonly authorizationId: string | null;
  readonly changeId: string | null;
  /** Language-neutral facts the texts are made of: ids, names of people, numbers, free text. */
  readonly params: NotificationParams;
}

/** A stored notification. */
export interface StoredNotification extends NotificationDraft {
  readonly id: string;
  readonly eventId: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

const NAMESPACE = '4b0f3f0e-6a7c-4c1e-9d55-6f1f8b2c9a10';

/** Stable across retries and replays: the same event and recipient always give the same id. */
export const notificationId = (eventId: string, recipientId: string): string => uuidv5(`${eventId}:${recipientId}`, NAMESPACE);
