import type { TrainingPlanState } from '../../../../libs/domain/src/index.js';

type Published = Extract<TrainingPlanState, { status: 'published' }>;

/** A plan as its commands answer it: the courses with session ids and attendance, and the position. */
export type TrainingPlanAnswer = Published['plan'] & {
  readonly courses: readonly (Published['plan']['courses'][number] & { readonly sessions: readonly (Published['plan']['courses'][number]['sessions'][number] & { readonly attendance: readonly string[] })[] })[];
  readonly position: string;
};

export const trainingPlanAnswer = (state: TrainingPlanState, position: string): TrainingPlanAnswer => {
  if (state.status !== 'published') throw new Error('a training plan command answered without a plan');
  return {
    ...state.plan,
    courses: state.plan.courses.map((course) => ({ ...course, sessions: course.sessions.map((session) => ({ ...session, attendance: state.attendance[session.sessionId] ?? [] })) })),
    position,
  };
};
