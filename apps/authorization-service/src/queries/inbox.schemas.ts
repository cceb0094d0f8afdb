/** OpenAPI schemas of the worklist (SPEC §11). */
import { INBOX_KINDS } from '../../../../libs/read-models/src/records/inbox-sources.js';

type Schema = Readonly<Record<string, unknown>>;
const string = { type: 'string' } as const;

export const WORKLIST_ITEM: Schema = {
  type: 'object',
  required: ['kind', 'subjectId', 'since'],
  properties: {
    kind: { type: 'string', enum: [...INBOX_KINDS] },
    subjectId: string,
    authorizationId: string,
    changeId: string,
    employeeId: string,
    applicantId: string,
    matter: string,
    since: string,
    dueAt: string,
    reason: { ...string, example: 'maxAmount 5000 > 2000', description: 'Why the task reached the caller where that is not obvious (English, for people): the rule that required a final approval, an escalation, overdue, `acting for S01`' },
    action: { type: 'integer', minimum: 0 },
    actingForId: {
      ...string,
      example: 'S01',
      description: "A stand-in's task (代理人): the absent employee it is taken for (their name from GET /v1/employees/{id}); absent on one's own tasks",
    },
  },
};

export const WORKLIST_PAGE: Schema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: WORKLIST_ITEM }, nextCursor: { type: 'string', nullable: true } },
};

export const WORKLIST_COUNT: Schema = {
  type: 'object',
  required: ['total', 'byKind'],
  properties: { total: { type: 'integer', minimum: 0 }, byKind: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } },
};
