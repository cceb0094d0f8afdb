/** OpenAPI schemas of the access-review routes. */
/** Plain JSON Schema objects, as `http/openapi.ts` declares its own. */
type SchemaObject = { readonly [key: string]: unknown; readonly required?: readonly string[]; readonly properties?: Readonly<Record<string, unknown>> };

const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const instant = { type: 'string', description: 'ISO-8601 instant' } as const;
const count = { type: 'integer', minimum: 0 } as const;

export const ACCESS_REVIEW_PROGRESS: SchemaObject = {
  type: 'object',
  required: ['kept', 'revoked', 'defaulted', 'undecided'],
  properties: { kept: count, revoked: count, defaulted: count, undecided: count },
};

const ITEM: SchemaObject = {
  type: 'object',
  required: ['authorizationId', 'employeeId', 'matter', 'reviewerId', 'outcome'],
  properties: {
    authorizationId: string,
    employeeId: string,
    matter: string,
    reviewerId: { ...nullableString, description: 'null: any manager (the grantee had no superior)' },
    outcome: { type: 'string', nullable: true, enum: ['kept', 'revoked', 'unreviewed', 'revoked-by-default', null], description: 'null while undecided' },
  },
};

const SUMMARY_PROPERTIES = {
  id: string,
  title: string,
  team: nullableString,
  matters: { type: 'array', nullable: true, items: string },
  dueAt: instant,
  defaultDecision: { type: 'string', enum: ['keep', 'revoke'] },
  startedBy: string,
  startedAt: instant,
  status: { type: 'string', enum: ['open', 'closed'] },
  overdue: { type: 'boolean', description: 'Open at or after dueAt' },
  progress: ACCESS_REVIEW_PROGRESS,
} as const;
const SUMMARY_REQUIRED = ['id', 'title', 'dueAt', 'defaultDecision', 'startedBy', 'startedAt', 'status', 'overdue', 'progress'];

export const ACCESS_REVIEW: SchemaObject = {
  type: 'object',
  required: [...SUMMARY_REQUIRED, 'items'],
  properties: { ...SUMMARY_PROPERTIES, items: { type: 'array', items: ITEM } },
};

export const ACCESS_REVIEW_ANSWER: SchemaObject = {
  ...ACCESS_REVIEW,
  required: [...(ACCESS_REVIEW.required ?? []), 'position'],
  properties: { ...ACCESS_REVIEW.properties, position: string },
};

export const ACCESS_REVIEW_PAGE: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: { type: 'object', required: SUMMARY_REQUIRED, properties: SUMMARY_PROPERTIES } },
    nextCursor: nullableString,
  },
};
