/**
 * The record kinds the loops read back (SPEC §11): one pure evolve per kind, from the events of the
 * one codec to a JSON document. Instants are the events' business time (`metadata.occurredAt`).
 */
import { decodeEvent, type KnownEvent } from '../../../domain/src/codec/event-codec.js';
import type { Finding, ReportState, ReportStatus } from '../../../domain/src/supervision/index.js';
import { reportDecider, type ReportStreamEvent } from '../../../domain/src/supervision/report.decider.js';
import type { MeetingKind, PlannedCourse } from '../../../domain/src/supervision/loops.events.js';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { occurredAtOf } from '../recorded.js';
import { recordProjection, type RecordDocument, type RecordKind } from './document-projection.js';

type Typed<T extends KnownEvent['type']> = Extract<KnownEvent, { readonly type: T }>;

const decoded = (event: RecordedEvent): KnownEvent | null => decodeEvent(event);

function kind<D extends RecordDocument>(name: string, key: (event: KnownEvent) => string | undefined, evolve: (doc: D | null, event: KnownEvent, at: string, recorded: RecordedEvent) => D | null): RecordKind<D> {
  return {
    kind: name,
    keyOf: (recorded) => {
      const event = decoded(recorded);
      return event === null ? undefined : key(event);
    },
    evolve: (doc, recorded) => {
      const event = decoded(recorded);
      return event === null ? doc : evolve(doc, event, occurredAtOf(recorded), recorded);
    },
  };
}

// ---- escalations -------------------------------------------------------------

export interface EscalationDoc extends RecordDocument {
  readonly employeeId: string;
  readonly superiorId: string | null;
  readonly authority: string;
  readonly context: Readonly<Record<string, unknown>> | null;
  readonly summary: string;
  readonly raisedAt: string;
  readonly status: 'open' | 'resolved';
  readonly resolution: { readonly resolvedBy: string; readonly resolution: string; readonly resolvedAt: string } | null;
}

export const ESCALATIONS = kind<EscalationDoc>(
  'escalations',
  (e) => (e.type === 'EscalationRaised' || e.type === 'EscalationResolved' ? e.data.escalationId : undefined),
  (doc, e, at) => {
    if (e.type === 'EscalationRaised') {
      const { escalationId, employeeId, superiorId, authority, context, summary } = e.data;
      return doc ?? { id: escalationId, employeeId, superiorId, authority, context, summary, raisedAt: at, status: 'open', resolution: null };
    }
    if (e.type === 'EscalationResolved' && doc !== null && doc.status === 'open') {
      return { ...doc, status: 'resolved', resolution: { resolvedBy: e.data.resolvedBy, resolution: e.data.resolution, resolvedAt: at } };
    }
    return doc;
  },
);

// ---- suggestions -------------------------------------------------------------

export interface SuggestionDoc extends RecordDocument {
  readonly text: string;
  readonly anonymous: boolean;
  /** The author when not anonymous. */
  readonly submittedBy: string | null;
  /** An anonymous author's keyed digest: matched against the caller, never shown. */
  readonly authorDigest: string | null;
  readonly submittedAt: string;
  readonly status: 'open' | 'answered';
  readonly answer: { readonly response: string; readonly adopted: boolean; readonly answeredBy: string; readonly answeredAt: string } | null;
}

export const SUGGESTIONS = kind<SuggestionDoc>(
  'suggestions',
  (e) => (e.type === 'SuggestionSubmitted' || e.type === 'SuggestionAnswered' ? e.data.suggestionId : undefined),
  (doc, e, at) => {
    if (e.type === 'SuggestionSubmitted') {
      const data = e.data as Typed<'SuggestionSubmitted'>['data'] & { readonly authorDigest?: string };
      return doc ?? { id: data.suggestionId, text: data.text, anonymous: data.anonymous, submittedBy: data.submittedBy, authorDigest: data.authorDigest ?? null, submittedAt: at, status: 'open', answer: null };
    }
    if (e.type === 'SuggestionAnswered' && doc !== null && doc.status === 'open') {
      return { ...doc, status: 'answered', answer: { response: e.data.response, adopted: e.data.adopted, answeredBy: e.data.answeredBy, answeredAt: at } };
    }
    return doc;
  },
);

// ---- assessments and inspections (written once) ----------------------------------

export type AssessmentDoc = RecordDocument & Typed<'AssessmentRecorded'>['data'] & { readonly recordedAt: string };

export const ASSESSMENTS = kind<AssessmentDoc>(
  'assessments',
  (e) => (e.type === 'AssessmentRecorded' ? `${e.data.employeeId}-${e.data.period}` : undefined),
  (doc, e, at) => (e.type === 'AssessmentRecorded' ? (doc ?? { id: `${e.data.employeeId}-${e.data.period}`, ...e.data, recordedAt: at }) : doc),
);

export type InspectionDoc = RecordDocument & Typed<'InspectionRecorded'>['data'] & { readonly recordedAt: string };

export const INSPECTIONS = kind<InspectionDoc>(
  'inspections',
  (e) => (e.type === 'InspectionRecorded' ? e.data.inspectionId : undefined),
  (doc, e, at) => (e.type === 'InspectionRecorded' ? (doc ?? { id: e.data.inspectionId, ...e.data, recordedAt: at }) : doc),
);

// ---- reports (the worklist's and the record's view) --------------------------------

export interface ReportDoc extends RecordDocument {
  readonly subjectEmployeeId: string;
  readonly status: ReportStatus;
  readonly investigatorId: string | null;
  readonly filedAt: string;
  /** When the report reached its current holder (filed, then investigated). */
  readonly since: string;
  readonly finding: Finding | null;
  readonly concludedAt: string | null;
  /** Who may not investigate it: the subject and whoever reported or filed it. */
  readonly excluded: readonly string[];
  /** The domain's own fold of the report (`reportDecider.evolve`): what `GET /v1/reports` shows of it. */
  readonly state: Exclude<ReportState, { readonly status: 'none' }>;
  /** Position of its `ViolationReported`: the list's order (filing order). */
  readonly filedPosition: string;
}

/** The report's state after `e`, by the domain's evolve (null: `e` opened no report). */
const reportStateAfter = (doc: ReportDoc | null, e: KnownEvent): ReportDoc['state'] | null => {
  const state = reportDecider.evolve(doc?.state ?? reportDecider.initialState(), e as ReportStreamEvent);
  return state.status === 'none' ? null : state;
};

const reports = kind<ReportDoc>(
  'reports',
  (e) => (e.type === 'ViolationReported' || e.type === 'InvestigationStarted' || e.type === 'ReportConcluded' || e.type === 'ReporterNotified' ? e.data.reportId : undefined),
  (doc, e, at, recorded) => {
    // A report's first event (re)builds its document: after a revision the whole log is replayed over the table.
    const state = reportStateAfter(e.type === 'ViolationReported' ? null : doc, e);
    if (state === null || (doc === null && e.type !== 'ViolationReported')) return doc;
    switch (e.type) {
      case 'ViolationReported':
        return {
          id: e.data.reportId,
          subjectEmployeeId: e.data.subjectEmployeeId,
          status: 'filed',
          investigatorId: null,
          filedAt: at,
          since: at,
          finding: null,
          concludedAt: null,
          excluded: [...new Set([e.data.subjectEmployeeId, e.data.reportedBy, ...(e.data.reporter.employeeId === undefined ? [] : [e.data.reporter.employeeId])])],
          state,
          filedPosition: recorded.position,
        };
      case 'InvestigationStarted':
        return doc === null ? null : { ...doc, status: 'investigating', investigatorId: e.data.investigatorId, since: at, state };
      case 'ReportConcluded':
        return doc === null ? null : { ...doc, status: 'concluded', finding: e.data.finding, concludedAt: at, state };
      case 'ReporterNotified':
        return doc === null ? null : { ...doc, status: 'notified', state };
      default:
        return doc;
    }
  },
);

/** Revision 2 added `state` and `filedPosition` (the list of reports is served from here): replayed once. */
export const REPORTS: RecordKind<ReportDoc> = { ...reports, revision: 2 };

// ---- trainings (assigned and completed, per employee and course) ---------------------

export interface TrainingDoc extends RecordDocument {
  readonly employeeId: string;
  readonly course: string;
  readonly assignedAt: string | null;
  readonly dueAt: string | null;
  readonly assignedBy: string | null;
  readonly source: { readonly kind: string; readonly id: string } | null;
  readonly completedAt: string | null;
  /** An assignment not yet followed by a completion: a `training` task. */
  readonly open: boolean;
}

const trainingKey = (employeeId: string, course: string): string => `${employeeId}/${course}`;

export const TRAININGS = kind<TrainingDoc>(
  'trainings',
  (e) => (e.type === 'TrainingAssigned' || e.type === 'TrainingCompleted' ? trainingKey(e.data.employeeId, e.data.course) : undefined),
  (doc, e, at) => {
    const base = (employeeId: string, course: string): TrainingDoc =>
      doc ?? { id: trainingKey(employeeId, course), employeeId, course, assignedAt: null, dueAt: null, assignedBy: null, source: null, completedAt: null, open: false };
    if (e.type === 'TrainingAssigned') return { ...base(e.data.employeeId, e.data.course), assignedAt: at, dueAt: e.data.dueAt, assignedBy: e.data.assignedBy, source: e.data.source, open: true };
    if (e.type === 'TrainingCompleted') return { ...base(e.data.employeeId, e.data.course), completedAt: e.data.completedAt, open: false };
    return doc;
  },
);

// ---- warnings ----------------------------------------------------------------

export interface WarningDoc extends RecordDocument {
  readonly employeeId: string;
  readonly reason: string;
  readonly recordedBy: string;
  readonly source: { readonly kind: string; readonly id: string };
  readonly recordedAt: string;
}

export const WARNINGS = kind<WarningDoc>(
  'warnings',
  (e) => (e.type === 'WarningRecorded' ? `${e.data.source.kind}:${e.data.source.id}` : undefined),
  (doc, e, at) => (e.type === 'WarningRecorded' ? (doc ?? { id: `${e.data.source.kind}:${e.data.source.id}`, ...e.data, recordedAt: at }) : doc),
);

// ---- meetings ----------------------------------------------------------------

export interface MeetingDoc extends RecordDocument {
  readonly kind: MeetingKind;
  readonly team: string | null;
  readonly heldAt: string;
  readonly attendees: readonly string[];
  readonly minutes: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly actions: readonly { readonly n: number; readonly owner: string; readonly text: string; readonly dueAt: string; readonly completedBy: string | null; readonly completedAt: string | null }[];
}

export const MEETINGS = kind<MeetingDoc>(
  'meetings',
  (e) => (e.type === 'MeetingRecorded' || e.type === 'MeetingActionCompleted' ? e.data.meetingId : undefined),
  (doc, e, at) => {
    if (e.type === 'MeetingRecorded') {
      const { meetingId, kind: meetingKind, team, heldAt, attendees, minutes, actions, recordedBy } = e.data;
      return doc ?? { id: meetingId, kind: meetingKind, team, heldAt, attendees, minutes, recordedBy, recordedAt: at, actions: actions.map((a) => ({ ...a, completedBy: null, completedAt: null })) };
    }
    if (e.type === 'MeetingActionCompleted' && doc !== null) {
      return { ...doc, actions: doc.actions.map((a) => (a.n === e.data.n && a.completedAt === null ? { ...a, completedBy: e.data.completedBy, completedAt: at } : a)) };
    }
    return doc;
  },
);

// ---- training plans ------------------------------------------------------------

export interface TrainingPlanDoc extends RecordDocument {
  readonly year: number;
  readonly publishedBy: string;
  readonly publishedAt: string;
  readonly courses: readonly (Omit<PlannedCourse, 'sessions'> & {
    readonly sessions: readonly (PlannedCourse['sessions'][number] & { readonly attendance: readonly string[] })[];
  })[];
}

export const TRAINING_PLANS = kind<TrainingPlanDoc>(
  'training_plans',
  (e) => (e.type === 'TrainingPlanPublished' || e.type === 'TrainingAttendanceRecorded' ? String(e.data.year) : undefined),
  (doc, e, at) => {
    if (e.type === 'TrainingPlanPublished') {
      return doc ?? { id: String(e.data.year), year: e.data.year, publishedBy: e.data.publishedBy, publishedAt: at, courses: e.data.courses.map((c) => ({ ...c, sessions: c.sessions.map((s) => ({ ...s, attendance: [] })) })) };
    }
    if (e.type === 'TrainingAttendanceRecorded' && doc !== null) {
      const { sessionId, employeeIds } = e.data;
      return {
        ...doc,
        courses: doc.courses.map((c) => ({ ...c, sessions: c.sessions.map((s) => (s.sessionId === sessionId ? { ...s, attendance: [...new Set([...s.attendance, ...employeeIds])] } : s)) })),
      };
    }
    return doc;
  },
);

// ---- catalogue versions ----------------------------------------------------------

export interface CatalogueVersionDoc extends RecordDocument {
  readonly firstUsedAt: string;
  readonly firstPosition: string;
}

const policyVersionOf = (event: RecordedEvent): string | undefined => {
  const metadata = event.metadata as Record<string, unknown> | null | undefined;
  const version = metadata?.['policyVersion'];
  return typeof version === 'string' && version.length > 0 && version.length <= 200 ? version : undefined;
};

/** Every event of every stream carries the catalogue version it was decided under (SPEC §6). */
export const CATALOGUE_VERSIONS: RecordKind<CatalogueVersionDoc> = {
  kind: 'catalogue_versions',
  keyOf: policyVersionOf,
  evolve: (doc, event) => {
    const version = policyVersionOf(event);
    return doc !== null || version === undefined ? doc : { id: version, firstUsedAt: occurredAtOf(event), firstPosition: event.position };
  },
};

/** Every record kind's projection, for a host or a reader's catch-up. */
export const RECORD_PROJECTIONS = [
  recordProjection(ESCALATIONS),
  recordProjection(SUGGESTIONS),
  recordProjection(ASSESSMENTS),
  recordProjection(INSPECTIONS),
  recordProjection(REPORTS),
  recordProjection(TRAININGS),
  recordProjection(WARNINGS),
  recordProjection(MEETINGS),
  recordProjection(TRAINING_PLANS),
  recordProjection(CATALOGUE_VERSIONS),
] as const;
