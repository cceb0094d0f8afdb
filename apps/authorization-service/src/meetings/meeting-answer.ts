import type { MeetingState } from '../../../../libs/domain/src/index.js';

/** A meeting as its commands answer it (the shape of the read model's document) with the position. */
export const meetingAnswer = (state: MeetingState, position: string): Record<string, unknown> => {
  if (state.status !== 'recorded') throw new Error('a meeting command answered without a meeting');
  const { meetingId, actions, ...rest } = state.meeting;
  return {
    id: meetingId,
    ...rest,
    actions: actions.map((a) => ({ ...a, completedBy: state.completed[a.n] ?? null })),
    position,
  };
};
