/** OpenAPI schemas of meetings as read back (SPEC §11). */
type Schema = Readonly<Record<string, unknown>>;
const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;

export const MEETING: Schema = {
  type: 'object',
  required: ['id', 'kind', 'heldAt', 'attendees', 'minutes', 'actions', 'recordedBy'],
  properties: {
    id: string,
    kind: string,
    team: nullableString,
    heldAt: string,
    attendees: { type: 'array', items: string },
    minutes: string,
    recordedBy: string,
    recordedAt: string,
    position: string,
    actions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['n', 'owner', 'text', 'dueAt'],
        properties: { n: { type: 'integer', minimum: 0 }, owner: string, text: string, dueAt: string, completedBy: nullableString, completedAt: nullableString },
      },
    },
  },
  additionalProperties: true,
};

export const MEETING_PAGE: Schema = { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: MEETING }, nextCursor: nullableString } };
