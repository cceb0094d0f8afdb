/** Commands of the loops' deciders (SPEC §11): ids, the actors' directory entries and `now` arrive in the command. */
import type { EmployeeSnapshot } from '../commands.js';
import type { MeetingKind, PlannedCourse } from './loops.events.js';

type Command<T extends string, D> = { readonly type: T; readonly data: D };

/** Sessions carry the ids the service assigned them. */
export type PublishTrainingPlan = Command<'PublishTrainingPlan', { readonly year: number; readonly publisher: EmployeeSnapshot; readonly courses: readonly PlannedCourse[] }>;
/** `recorder`: an employee (the session's lecturer or a manager) or a service holding `directory:write`. */
export type RecordTrainingAttendance = Command<
  'RecordTrainingAttendance',
  {
    readonly sessionId: string;
    readonly recorder: { readonly kind: 'employee'; readonly employee: EmployeeSnapshot } | { readonly kind: 'directory-service'; readonly id: string };
    readonly employeeIds: readonly string[];
  }
>;
export type TrainingPlanCommand = PublishTrainingPlan | RecordTrainingAttendance;

export type RecordMeeting = Command<
  'RecordMeeting',
  {
    readonly meetingId: string;
    readonly recorder: EmployeeSnapshot;
    readonly kind: MeetingKind;
    readonly team: string | null;
    readonly heldAt: string;
    readonly attendees: readonly string[];
    readonly minutes: string;
    readonly actions: readonly { readonly owner: string; readonly text: string; readonly dueAt: string }[];
  }
>;
export type CompleteMeetingAction = Command<'CompleteMeetingAction', { readonly n: number; readonly actor: EmployeeSnapshot }>;
export type MeetingCommand = RecordMeeting | CompleteMeetingAction;

export type RecordPolicyReview = Command<
  'RecordPolicyReview',
  { readonly reviewId: string; readonly reviewer: EmployeeSnapshot; readonly findings: string; readonly changesProposed: string }
>;
