import { CONSISTENCY_TOKEN_PATTERN, problemResponse } from '../http/openapi.js';

/** JSON Schemas of the check routes: compiled once by Fastify, so validation costs microseconds. */
const employeeId = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } as const;
const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$' } as const;
const consistency = {
  type: 'object',
  additionalProperties: false,
  required: ['atLeast'],
  // A position by the store's grammar (START or major.minor, 20 digits each): anything else is 400.
  properties: { atLeast: { type: 'string', pattern: '^(?:0|[0-9]{20}\\.[0-9]{20})$' } },
} as const;

export const checkItemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['employeeId', 'authority'],
  properties: {
    employeeId,
    authority: { type: 'string', minLength: 1, maxLength: 100 },
    context: {
      type: 'object',
      additionalProperties: false,
      properties: {
        amount: { type: 'number', minimum: 0, maximum: 1e12 },
        channel: { type: 'string', minLength: 1, maxLength: 32 },
      },
    },
    at: instant,
    /** The caller is about to act on the answer: keep the decision in the decision log (SPEC §10). */
    record: { type: 'boolean' },
  },
} as const;

export const checkBodySchema = {
  ...checkItemSchema,
  properties: { ...checkItemSchema.properties, consistency },
} as const;

export const MAX_BATCH = 1000;

export const batchBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['checks'],
  properties: {
    checks: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: checkItemSchema },
    consistency,
  },
} as const;

const checkResult = {
  type: 'object',
  properties: {
    allowed: { type: 'boolean' },
    reason: {
      type: 'string',
      enum: ['ROLE_BASELINE', 'GRANT', 'NO_GRANT', 'OUT_OF_SCOPE', 'MISSING_CONTEXT', 'NOT_YET_VALID', 'EXPIRED', 'NOT_ACKNOWLEDGED', 'REVOKED', 'COMPLETED', 'EMPLOYEE_LEFT', 'UNKNOWN_EMPLOYEE', 'UNKNOWN_AUTHORITY'],
    },
    grantId: { type: 'string' },
    validUntil: { type: 'string' },
    missingContext: { type: 'array', items: { type: 'string', enum: ['amount', 'channel'] } },
  },
  required: ['allowed', 'reason'],
} as const;

export const checkResponseSchema = { ...checkResult, properties: { ...checkResult.properties, position: { type: 'string' } } } as const;
export const batchResponseSchema = {
  type: 'object',
  properties: { results: { type: 'array', items: checkResult }, position: { type: 'string' } },
  required: ['results', 'position'],
} as const;

const CONSISTENCY_TOKEN_HEADER = {
  name: 'X-Consistency-Token',
  in: 'header',
  required: false,
  description: 'A `position` from an earlier answer (the body\'s consistency.atLeast wins): the check waits (bounded) until the index has reached it, else 503',
  schema: { type: 'string', pattern: CONSISTENCY_TOKEN_PATTERN },
} as const;

/** The check routes as OpenAPI paths, merged into the generated document (they bypass Nest's router). */
export const CHECK_OPENAPI_PATHS = {
  '/v1/checks': {
    post: {
      tags: ['checks'],
      summary: 'May this employee do this, with this context, now (or at `at`)?',
      security: [{ bearer: [] }],
      parameters: [CONSISTENCY_TOKEN_HEADER],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: checkBodySchema,
            example: { employeeId: 'E101', authority: 'compensation.issue', context: { amount: 800, channel: 'phone' } },
          },
        },
      },
      responses: {
        '200': {
          description: 'The decision',
          content: { 'application/json': { schema: checkResponseSchema, example: { allowed: true, reason: 'GRANT', grantId: '…', validUntil: '2027-03-01T00:00:00.000Z', position: '…' } } },
        },
        '403': problemResponse(403, 'An employee may only check themself; services need checks:read'),
        // 400, 401, 413, 415, 429 and 503 (consistency token not reached in time, store down): completeOpenApi.
      },
    },
  },
  '/v1/checks/batch': {
    post: {
      tags: ['checks'],
      summary: 'Up to 1000 checks in one request; results in the same order',
      security: [{ bearer: [] }],
      parameters: [CONSISTENCY_TOKEN_HEADER],
      requestBody: { required: true, content: { 'application/json': { schema: batchBodySchema } } },
      responses: {
        '200': { description: 'The decisions', content: { 'application/json': { schema: batchResponseSchema } } },
        '403': problemResponse(403, 'An employee may only check themself; services need checks:read'),
      },
    },
  },
} as const;
