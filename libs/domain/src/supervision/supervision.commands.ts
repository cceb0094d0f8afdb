/**
 * Commands of the supervision deciders. As elsewhere, everything a decision needs arrives in the
 * command: ids, the directory entries of the actor and the subject as read at command time.
 */
import type { EmployeeSnapshot } from '../commands.js';
import type {
  AssessmentResult,
  Consequence,
  Finding,
  InspectionKind,
  ReportAction,
  ReportCategory,
  Reporter,
} from './supervision.events.js';

type Command<T extends string, D> = { readonly type: T; readonly data: D };

/** Who files a report: an employee (their entry) or a service with `reports:write` (on behalf of a customer). */
export type Filer = { readonly kind: 'employee'; readonly employee: EmployeeSnapshot } | { readonly kind: 'service'; readonly id: string };

// ---- report-{id} -------------------------------------------------------------

/** `authorization`: the named authorization's id and grantee, when the report names one. */
export type FileReport = Command<
  'FileReport',
  {
    readonly reportId: string;
    readonly filer: Filer;
    readonly subject: EmployeeSnapshot;
    readonly authorization: { readonly id: string; readonly applicantId: string } | null;
    readonly category: ReportCategory;
    readonly description: string;
    readonly reporter: { readonly kind: Reporter['kind']; readonly contact?: string };
  }
>;
/** `subject` is the subject's directory entry now: their superior at the time investigates. */
export type StartInvestigation = Command<'StartInvestigation', { readonly actor: EmployeeSnapshot; readonly subject: EmployeeSnapshot }>;
/** `grantees`: the grantee of each `revoke` action's authorization (unknown ids are absent). */
export type ConcludeReport = Command<
  'ConcludeReport',
  {
    readonly actor: EmployeeSnapshot;
    readonly finding: Finding;
    readonly summary: string;
    readonly actions: readonly ReportAction[];
    readonly grantees: Readonly<Record<string, string>>;
    /** When it is decided: a `training` action is due TRAINING_DUE_DAYS later. */
    readonly now: string;
  }
>;
export type NotifyReporter = Command<'NotifyReporter', { readonly actor: EmployeeSnapshot; readonly message: string }>;

export type ReportCommand = FileReport | StartInvestigation | ConcludeReport | NotifyReporter;

// ---- other aggregates ----------------------------------------------------------

export type RecordInspection = Command<
  'RecordInspection',
  {
    readonly inspectionId: string;
    readonly inspector: EmployeeSnapshot;
    readonly employee: EmployeeSnapshot;
    readonly kind: InspectionKind;
    readonly period: string | null;
    readonly findings: string;
    readonly compliant: boolean;
    readonly authorizationIds: readonly string[];
  }
>;

export type RaiseEscalation = Command<
  'RaiseEscalation',
  {
    readonly escalationId: string;
    readonly employee: EmployeeSnapshot;
    readonly authority: string;
    readonly context: Readonly<Record<string, unknown>> | null;
    readonly summary: string;
  }
>;
export type ResolveEscalation = Command<'ResolveEscalation', { readonly actor: EmployeeSnapshot; readonly resolution: string }>;
export type EscalationCommand = RaiseEscalation | ResolveEscalation;

export type RecordAssessment = Command<
  'RecordAssessment',
  {
    readonly assessor: EmployeeSnapshot;
    readonly employee: EmployeeSnapshot;
    readonly period: string;
    readonly teamworkScore: number;
    readonly result: AssessmentResult;
    readonly consequences: readonly Consequence[];
    readonly notes: string;
    /** When it is decided: a `training` consequence is due TRAINING_DUE_DAYS later. */
    readonly now: string;
  }
>;

export type SubmitSuggestion = Command<
  'SubmitSuggestion',
  {
    readonly suggestionId: string;
    readonly author: EmployeeSnapshot;
    readonly text: string;
    readonly anonymous: boolean;
    /** The author's keyed digest (computed by the service, which holds the key); kept on an anonymous suggestion only. */
    readonly authorDigest: string | null;
  }
>;
export type AnswerSuggestion = Command<'AnswerSuggestion', { readonly actor: EmployeeSnapshot; readonly response: string; readonly adopted: boolean }>;
export type SuggestionCommand = SubmitSuggestion | AnswerSuggestion;

export type ReceiveCustomerFeedback = Command<
  'ReceiveCustomerFeedback',
  {
    readonly feedbackId: string;
    readonly employeeId: string;
    readonly score: number;
    readonly channel: string | null;
    readonly comment: string | null;
    readonly receivedFrom: string;
  }
>;
