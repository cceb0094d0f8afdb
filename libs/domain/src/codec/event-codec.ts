/**
 * The one event codec (STYLE §9, §16b; SPEC §6): a stored event (type, JSON data, metadata) becomes
 * a domain event here and nowhere else.
 *
 * Schema version: `metadata.schemaVersion` (a positive integer; absent = 1). Chosen over a type
 * suffix (`EmployeeLeft.v2`) because the type is a public contract that compliance, the audit
 * export, Kafka mappers and read-model queries filter on for years: a version is a property of
 * the payload's shape, not a new fact. Writers stamp it only when it is above 1 (`withSchemaVersion`),
 * so every v1 row stays byte-identical to what was always written.
 *
 * On read, the upcasters of the event's type run in order from the stored version to the current
 * one; stored events are never rewritten. A type this version does not know, or a version newer
 * than it knows (a newer writer), decodes to null: callers skip it, as they skip foreign types.
 *
 * Cheap on purpose (the permission index decodes every event at start-up): a table lookup, a
 * version check, `data` is an object holding its required keys (`in`, no value checks).
 */
import type { AuditAnchorEvent } from '../audit/audit-anchor.events.js';
import type { AuthorizationEvent, DomainEvent, EmployeeEvent } from '../events.js';
import type {
  AssessmentEvent,
  EscalationEvent,
  FeedbackEvent,
  InspectionEvent,
  ReportEvent,
  SuggestionEvent,
  SupervisionEvent,
} from '../supervision/supervision.events.js';
import type { AccessReviewEvent } from '../access-review/access-review.events.js';
import type { ConsequenceEvent, LoopEvent, MeetingEvent, PolicyReviewEvent, TrainingPlanEvent } from '../supervision/loops.events.js';

/** Every event this domain knows, of every stream category. */
export type KnownEvent = AuditAnchorEvent | DomainEvent | SupervisionEvent | AccessReviewEvent | LoopEvent;
export type KnownEventType = KnownEvent['type'];
type EventOf<T extends KnownEventType> = Extract<KnownEvent, { readonly type: T }>;

/** What a store hands back: `RecordedEvent` of the event-store port fits. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}

/** Reads a decider's events from the store and says which schema version it writes. */
export interface EventCodec<E> {
  /** The current domain event, upcast; null for a type outside `E`, a newer version, or a non-object `data`. */
  readonly decode: (stored: StoredEvent) => E | null;
  /** The schema version written for this event (1: no marker is stored). */
  readonly schemaVersion: (event: E) => number;
}

type Data = Readonly<Record<string, unknown>>;
/** Lifts the data of version n to version n + 1. Pure; never sees the stored object (it is not mutated). */
export type Upcaster = (data: Data) => Data;

type Category = 'audit-anchor' | 'employee' | 'authorization' | 'report' | 'inspection' | 'escalation' | 'assessment' | 'suggestion' | 'feedback' | 'access-review' | LoopCategory;
/** SPEC §11's loops: consequences (on report and assessment streams), training plans, meetings, policy reviews. */
type LoopCategory = 'consequence' | 'training-plan' | 'meeting' | 'policy-review';
type CategoryOf<T extends KnownEventType> = T extends AuditAnchorEvent['type']
  ? 'audit-anchor'
  : T extends EmployeeEvent['type']
  ? 'employee'
  : T extends AuthorizationEvent['type']
    ? 'authorization'
    : T extends ReportEvent['type']
      ? 'report'
      : T extends InspectionEvent['type']
        ? 'inspection'
        : T extends EscalationEvent['type']
          ? 'escalation'
          : T extends AssessmentEvent['type']
            ? 'assessment'
            : T extends SuggestionEvent['type']
              ? 'suggestion'
              : T extends AccessReviewEvent['type']
                ? 'access-review'
                : T extends ConsequenceEvent['type']
                  ? 'consequence'
                  : T extends TrainingPlanEvent['type']
                    ? 'training-plan'
                    : T extends MeetingEvent['type']
                      ? 'meeting'
                      : T extends PolicyReviewEvent['type']
                        ? 'policy-review'
                        : 'feedback';

interface EventSpec<T extends KnownEventType> {
  readonly category: CategoryOf<T>;
  /** Keys the current version's `data` must hold (names checked by the compiler). */
  readonly required: readonly (keyof EventOf<T>['data'] & string)[];
  /** `upcasters[i]` lifts version i + 1 to i + 2; the current version is `upcasters.length + 1`. */
  readonly upcasters: readonly Upcaster[];
}
type EventTable = { readonly [T in KnownEventType]: EventSpec<T> };

/**
 * EmployeeLeft v2 (2026-12): the departure instant is `leftAt`, like every other event's
 * `expiredAt` / `revokedAt` / `completedAt` / `withdrawnAt`; v1 called it `at`.
 */
export const employeeLeftV1ToV2: Upcaster = ({ at, ...rest }) => ({ ...rest, leftAt: at });

const none: readonly Upcaster[] = [];
const AUTHORIZATION_ID = ['authorizationId'] as const;

/** Every type of the domain unions: a missing, extra or misfiled type is a compile error. */
const EVENTS = {
  EmployeeRegistered: { category: 'employee', required: ['employeeId', 'role'], upcasters: none },
  EmployeeUpdated: { category: 'employee', required: ['employeeId', 'role', 'changed'], upcasters: none },
  EmployeeLeft: { category: 'employee', required: ['employeeId', 'leftAt'], upcasters: [employeeLeftV1ToV2] },
  TrainingCompleted: { category: 'employee', required: ['employeeId', 'course'], upcasters: none },
  StandInAppointed: { category: 'employee', required: ['employeeId', 'standInId', 'from', 'until'], upcasters: none },
  StandInEnded: { category: 'employee', required: ['employeeId', 'standInId'], upcasters: none },
  AuthorizationApplied: { category: 'authorization', required: ['authorizationId', 'applicantId', 'matter'], upcasters: none },
  InitialReviewPassed: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  InitialReviewRejected: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ManagerApproved: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ManagerRejected: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ExecutiveApproved: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ExecutiveRejected: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  NoticeIssued: { category: 'authorization', required: ['authorizationId', 'noticeNumber', 'terms'], upcasters: none },
  NoticeAcknowledged: { category: 'authorization', required: ['authorizationId', 'terms'], upcasters: none },
  ChangeApplied: { category: 'authorization', required: ['authorizationId', 'changeId', 'terms'], upcasters: none },
  ExpiryReminderIssued: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ApprovalReminderIssued: { category: 'authorization', required: ['authorizationId', 'stage'], upcasters: none },
  ApprovalEscalated: { category: 'authorization', required: ['authorizationId', 'stage'], upcasters: none },
  AuthorizationExpired: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  AuthorizationCompleted: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  AuthorizationRevoked: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ApplicationWithdrawn: { category: 'authorization', required: AUTHORIZATION_ID, upcasters: none },
  ViolationReported: { category: 'report', required: ['reportId', 'subjectEmployeeId'], upcasters: none },
  InvestigationStarted: { category: 'report', required: ['reportId'], upcasters: none },
  ReportConcluded: { category: 'report', required: ['reportId', 'finding'], upcasters: none },
  ReporterNotified: { category: 'report', required: ['reportId'], upcasters: none },
  InspectionRecorded: { category: 'inspection', required: ['inspectionId', 'employeeId'], upcasters: none },
  EscalationRaised: { category: 'escalation', required: ['escalationId', 'employeeId'], upcasters: none },
  EscalationResolved: { category: 'escalation', required: ['escalationId'], upcasters: none },
  AssessmentRecorded: { category: 'assessment', required: ['employeeId', 'period'], upcasters: none },
  SuggestionSubmitted: { category: 'suggestion', required: ['suggestionId'], upcasters: none },
  SuggestionAnswered: { category: 'suggestion', required: ['suggestionId'], upcasters: none },
  CustomerFeedbackReceived: { category: 'feedback', required: ['feedbackId', 'employeeId'], upcasters: none },
  AuditAnchored: { category: 'audit-anchor', required: ['position', 'count', 'hash', 'at', 'keyId', 'signature'], upcasters: none },
  TrainingAssigned: { category: 'consequence', required: ['employeeId', 'course', 'dueAt', 'source'], upcasters: none },
  WarningRecorded: { category: 'consequence', required: ['employeeId', 'source'], upcasters: none },
  TrainingPlanPublished: { category: 'training-plan', required: ['year', 'courses'], upcasters: none },
  TrainingAttendanceRecorded: { category: 'training-plan', required: ['year', 'sessionId', 'employeeIds'], upcasters: none },
  MeetingRecorded: { category: 'meeting', required: ['meetingId', 'attendees', 'actions'], upcasters: none },
  MeetingActionCompleted: { category: 'meeting', required: ['meetingId', 'n'], upcasters: none },
  PolicyReviewed: { category: 'policy-review', required: ['reviewId'], upcasters: none },
  AccessReviewStarted: { category: 'access-review', required: ['accessReviewId', 'items'], upcasters: none },
  AccessReviewItemDecided: { category: 'access-review', required: ['accessReviewId', 'authorizationId'], upcasters: none },
  AccessReviewItemDefaulted: { category: 'access-review', required: ['accessReviewId', 'authorizationId'], upcasters: none },
  AccessReviewClosed: { category: 'access-review', required: ['accessReviewId'], upcasters: none },
} as const satisfies EventTable;

interface AnySpec {
  readonly category: Category;
  readonly required: readonly string[];
  readonly upcasters: readonly Upcaster[];
}
const SPECS: ReadonlyMap<string, AnySpec> = new Map<string, AnySpec>(Object.entries(EVENTS));

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema version a stored event says it has (absent = 1); NaN when it is not a positive integer. */
const storedVersion = (metadata: unknown): number => {
  if (!isObject(metadata)) return 1;
  const version = metadata['schemaVersion'];
  if (version === undefined) return 1;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : Number.NaN;
};

/** The version this code writes for events of `type` (1 for a type it does not know). */
export const currentSchemaVersion = (type: string): number => (SPECS.get(type)?.upcasters.length ?? 0) + 1;

/** The stored metadata of a new event: `schemaVersion` added when the type's current version is above 1. */
export const withSchemaVersion = <M extends object>(type: string, metadata: M): M | (M & { readonly schemaVersion: number }) => {
  const version = currentSchemaVersion(type);
  return version === 1 ? metadata : { ...metadata, schemaVersion: version };
};

/**
 * Any stored event of this domain, upcast to its current version; null when this version cannot read it.
 * When no upcaster ran it is the stored object itself (a `RecordedEvent` keeps its other fields);
 * after an upcast, a new object: the stored one is never mutated.
 */
export const decodeEvent = (stored: StoredEvent): KnownEvent | null => {
  const spec = SPECS.get(stored.type);
  if (spec === undefined) return null;
  if (!isObject(stored.data)) return null;
  let data = stored.data;
  const upcasters = spec.upcasters;
  if (upcasters.length > 0 || stored.metadata !== undefined) {
    const version = storedVersion(stored.metadata);
    if (!(version <= upcasters.length + 1)) return null;
    for (let i = version - 1; i < upcasters.length; i += 1) data = (upcasters[i] as Upcaster)(data);
  }
  for (const key of spec.required) if (!(key in data)) return null;
  const metadata = isObject(stored.metadata) ? stored.metadata : undefined;
  // The one narrowing of stored JSON to the union: the table has just checked type, version and keys.
  // Nothing upcast: the stored object itself (no copy per event on the index's start-up replay).
  if (data === stored.data && metadata === stored.metadata) return stored as KnownEvent;
  return (metadata === undefined ? { type: stored.type, data } : { type: stored.type, data, metadata }) as KnownEvent;
};

const codecOf = <E extends KnownEvent>(category: Category, is: (event: KnownEvent) => event is E): EventCodec<E> => ({
  decode: (stored) => {
    if (SPECS.get(stored.type)?.category !== category) return null;
    const event = decodeEvent(stored);
    return event !== null && is(event) ? event : null;
  },
  schemaVersion: (event) => currentSchemaVersion(event.type),
});

const inCategory =
  <E extends KnownEvent>(category: Category) =>
  (event: KnownEvent): event is E =>
    EVENTS[event.type].category === category;

export const employeeEvents: EventCodec<EmployeeEvent> = codecOf('employee', inCategory<EmployeeEvent>('employee'));
export const authorizationEvents: EventCodec<AuthorizationEvent> = codecOf('authorization', inCategory<AuthorizationEvent>('authorization'));
export const reportEvents: EventCodec<ReportEvent> = codecOf('report', inCategory<ReportEvent>('report'));
export const inspectionEvents: EventCodec<InspectionEvent> = codecOf('inspection', inCategory<InspectionEvent>('inspection'));
export const escalationEvents: EventCodec<EscalationEvent> = codecOf('escalation', inCategory<EscalationEvent>('escalation'));
export const assessmentEvents: EventCodec<AssessmentEvent> = codecOf('assessment', inCategory<AssessmentEvent>('assessment'));
export const suggestionEvents: EventCodec<SuggestionEvent> = codecOf('suggestion', inCategory<SuggestionEvent>('suggestion'));
export const feedbackEvents: EventCodec<FeedbackEvent> = codecOf('feedback', inCategory<FeedbackEvent>('feedback'));
/** Stream `audit-anchors`: the signed anchors of the audit chain (not audit entries). */
export const auditAnchorEvents: EventCodec<AuditAnchorEvent> = codecOf('audit-anchor', inCategory<AuditAnchorEvent>('audit-anchor'));
export const accessReviewEvents: EventCodec<AccessReviewEvent> = codecOf('access-review', inCategory<AccessReviewEvent>('access-review'));

/** A stream holding the events of several categories (a report's or an assessment's consequences). */
const codecOfCategories = <E extends KnownEvent>(categories: readonly Category[]): EventCodec<E> => ({
  decode: (stored) => {
    const category = SPECS.get(stored.type)?.category;
    if (category === undefined || !categories.includes(category)) return null;
    return decodeEvent(stored) as E | null;
  },
  schemaVersion: (event) => currentSchemaVersion(event.type),
});
/** `report-{id}`: the report's events and the consequences its conclusion decided. */
export const reportStreamEvents: EventCodec<ReportEvent | ConsequenceEvent> = codecOfCategories(['report', 'consequence']);
/** `assessment-{employeeId}-{period}`: the assessment and the consequences it decided. */
export const assessmentStreamEvents: EventCodec<AssessmentEvent | ConsequenceEvent> = codecOfCategories(['assessment', 'consequence']);
export const trainingPlanEvents: EventCodec<TrainingPlanEvent> = codecOf('training-plan', inCategory<TrainingPlanEvent>('training-plan'));
export const meetingEvents: EventCodec<MeetingEvent> = codecOf('meeting', inCategory<MeetingEvent>('meeting'));
export const policyReviewEvents: EventCodec<PolicyReviewEvent> = codecOf('policy-review', inCategory<PolicyReviewEvent>('policy-review'));
/** The loops' events of every stream (consequences, training plans, meetings, policy reviews). */
export const loopEvents: EventCodec<LoopEvent> = codecOfCategories(['consequence', 'training-plan', 'meeting', 'policy-review']);

/** Events of `employee-{id}` streams. */
export const isEmployeeStreamEvent = (event: KnownEvent): event is EmployeeEvent => EVENTS[event.type].category === 'employee';
/** Events of `authorization-{id}` streams. */
export const isAuthorizationStreamEvent = (event: KnownEvent): event is AuthorizationEvent => EVENTS[event.type].category === 'authorization';

const LOOP_CATEGORIES: ReadonlySet<Category> = new Set<LoopCategory>(['consequence', 'training-plan', 'meeting', 'policy-review']);

const isDomainEvent = (event: KnownEvent): event is DomainEvent => {
  const category = EVENTS[event.type].category;
  return category === 'employee' || category === 'authorization';
};
const isSupervisionEvent = (event: KnownEvent): event is SupervisionEvent => EVENTS[event.type].category !== 'audit-anchor' && !isDomainEvent(event) && EVENTS[event.type].category !== 'access-review' && !LOOP_CATEGORIES.has(EVENTS[event.type].category);

/** Events of `access-review-{id}` streams. */
export const decodeAccessReviewEvent = (stored: StoredEvent): AccessReviewEvent | null => accessReviewEvents.decode(stored);

/** Employee and authorization events (what the SQL read models and the permission index fold). */
export const decodeDomainEvent = (stored: StoredEvent): DomainEvent | null => {
  const event = decodeEvent(stored);
  return event !== null && isDomainEvent(event) ? event : null;
};

/** Supervision events of every stream (`report-`, `inspection-`, …). */
export const decodeSupervisionEvent = (stored: StoredEvent): SupervisionEvent | null => {
  const event = decodeEvent(stored);
  return event !== null && isSupervisionEvent(event) ? event : null;
};
