/** OpenAPI schema of a training plan as read back (SPEC §11): sessions with their ids and attendance. */
type Schema = Readonly<Record<string, unknown>>;
const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;

export const TRAINING_PLAN: Schema = {
  type: 'object',
  required: ['year', 'courses', 'publishedBy'],
  properties: {
    year: { type: 'integer' },
    publishedBy: string,
    publishedAt: string,
    position: string,
    courses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['course', 'title', 'roles', 'sessions'],
        properties: {
          course: string,
          title: string,
          roles: { type: 'array', items: string },
          sessions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['sessionId', 'at', 'mode', 'attendance'],
              properties: { sessionId: string, at: string, lecturerId: nullableString, lecturer: nullableString, mode: string, attendance: { type: 'array', items: string } },
            },
          },
        },
      },
    },
  },
  additionalProperties: true,
};
