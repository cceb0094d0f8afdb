/**
 * The OpenAPI document's description of responses (issue 11): every answer an operation can give is
 * documented, success bodies and problem+json errors, so a client (or Schemathesis's conformance
 * checks) can rely on it.
 *
 * Two sources, by where an answer comes from:
 * - the HTTP edge, shared by every route (body parser, validation pipe, auth guard, rate limiter,
 *   store outages): added to every operation by `completeOpenApi` from what the operation has
 *   (parameters, a body, security);
 * - the operation itself (its success body and its domain refusals: 403, 404, 409, 422): one
 *   `@ApiAnswers(...)` on the handler.
 *
 * Every route of this process is in the document — /health/live, /health/ready and /metrics are Nest
 * routes, the check routes are described by hand (CHECK_OPENAPI_PATHS) — except the document itself
 * (/docs, /openapi.json, /openapi.yaml). The workers' own /health/ready and /metrics (libs/platform
 * run-worker) are other processes, outside this API. test/schemathesis holds the document to all this.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

// The OpenAPI 3.0 subset used here (@nestjs/swagger's own types are narrower than what it emits).
type Schema = Readonly<Record<string, unknown>>;
type Operation = {
  parameters?: Record<string, unknown>[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
  [key: string]: unknown;
};
type Document = { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown>; [key: string]: unknown }; [key: string]: unknown };

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' } as const;

/** RFC 9457 problem details as this API sends them (SPEC §5): `code` is the stable machine-readable part. */
export const PROBLEM_SCHEMA: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'https://callcenter.example/problems/validation-failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'invalid request: reason' },
    code: { type: 'string', pattern: '^[A-Za-z0-9_]+$', example: 'VALIDATION_FAILED', description: 'Stable error code, e.g. VALIDATION_FAILED, UNAUTHENTICATED, NOT_FOUND, INVALID_TRANSITION, SEPARATION_OF_DUTIES, RATE_LIMITED, STORE_UNAVAILABLE' },
    errors: {
      type: 'object',
      description: 'Per field (or header), what is wrong with it',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      example: { reason: ['reason should not be empty'] },
    },
    instance: { type: 'string', description: 'The request path' },
  },
  additionalProperties: true,
};

const PROBLEM_DESCRIPTIONS: Readonly<Record<ProblemStatus, string>> = {
  400: 'Invalid request: malformed JSON, a field, parameter or header that does not validate (VALIDATION_FAILED names them in `errors`)',
  401: 'No, malformed, expired or wrongly signed bearer token (UNAUTHENTICATED)',
  403: 'The caller may not do this (role, scope, separation of duties, not the assigned actor)',
  404: 'The resource does not exist (NOT_FOUND)',
  409: 'The resource is not in a state that allows this (INVALID_TRANSITION, ALREADY_EXISTS, CONCURRENCY_CONFLICT)',
  413: 'The request body exceeds 1 MiB (PAYLOAD_TOO_LARGE)',
  415: 'The body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'The request is well-formed but breaks a rule of the domain, or reuses an Idempotency-Key with another body',
  429: 'Rate limit reached (RATE_LIMITED); retry after Retry-After seconds',
  503: 'Temporarily unavailable: the store is down (STORE_UNAVAILABLE) or a consistency token was not reached in time (CONSISTENCY_TIMEOUT); retry after Retry-After seconds',
};

const RETRY_AFTER = { description: 'Seconds to wait before retrying', schema: { type: 'string', pattern: '^[0-9]+$' } } as const;
const PROBLEM_HEADERS: Partial<Record<ProblemStatus, Record<string, unknown>>> = { 429: { 'Retry-After': RETRY_AFTER }, 503: { 'Retry-After': RETRY_AFTER } };

/** One problem response as an OpenAPI response object. */
export const problemResponse = (status: ProblemStatus, description = PROBLEM_DESCRIPTIONS[status]): Record<string, unknown> => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
  ...(PROBLEM_HEADERS[status] ? { headers: PROBLEM_HEADERS[status] } : {}),
});

/**
 * An operation's own answers: its success body and the domain refusals it can give. The edge's
 * answers (400, 401, 413, 415, 429, 503) are added for every operation by `completeOpenApi`.
 */
export function ApiAnswers(
  success: { readonly status: 200 | 201; readonly description: string; readonly schema: Schema; readonly contentType?: string },
  ...problems: readonly ProblemStatus[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiResponse({ status: success.status, description: success.description, content: { [success.contentType ?? 'application/json']: { schema: success.schema } } }),
    ...problems.map((status) => ApiResponse({ status, ...problemResponse(status) } as Parameters<typeof ApiResponse>[0])),
  );
}

/** The optional read-your-writes header of the reads (SPEC §5). */
export const CONSISTENCY_TOKEN_PATTERN = '^(?:|0|[0-9]{20}\\.[0-9]{20})$';
export const ApiConsistencyToken = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    name: 'x-consistency-token',
    required: false,
    description: 'A `position` from an earlier answer: the read waits (bounded) until the read side has reached it, else 503',
    schema: { type: 'string', pattern: CONSISTENCY_TOKEN_PATTERN },
  });

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes a retry safe: the first answer is kept and returned to every retry with the same key (per caller, method and path)',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};

/** On the commands of one authorization: act only on the version the caller read (shared/if-match.ts). */
const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The ETag (the `version`, quoted: "3") of the authorization as the caller read it: the command acts only while it is still at that version, else 409 CONCURRENCY_CONFLICT; `*` or no header acts on the current state; a bare version (3) is taken as its tag',
  schema: { type: 'string', maxLength: 1024, pattern: '^(?:\\*|(?:0|[1-9][0-9]{0,8})|(?:W/)?"[!#-~]*"(?:[ \\t]*,[ \\t]*(?:W/)?"[!#-~]*")*)$' },
};
const AUTHORIZATION_COMMAND = /^\/v1\/authorizations\/\{id\}\/[a-z-]+$/;
const ETAG = { description: 'The version of the authorization, quoted ("3"): send it as If-Match on a command', schema: { type: 'string', pattern: '^"[0-9]+"$' } };

/** POSTs that are questions, not commands: no Idempotency-Key (nothing is written twice). */
const QUERIES_BY_POST = new Set(['/v1/checks', '/v1/checks/batch']);

/** Routes answered by the process itself, never by the store, the guard or the parser. */
const STORE_FREE = new Set(['/health/live', '/metrics']);

/**
 * Adds what the HTTP edge answers to every operation: 400 where there is anything to validate, 401
 * and 429 where a token is needed, 413 and 415 where there is a body, 503 where the store is used,
 * the Idempotency-Key header on commands, and the shared Problem schema. Existing entries win.
 */
export function completeOpenApi<D extends object>(document: D): D {
  const doc = document as unknown as Document;
  describeValidation(doc);
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value as Operation;
      const responses = (operation.responses ??= {});
      const add = (status: ProblemStatus): void => {
        responses[String(status)] ??= problemResponse(status);
      };
      const secured = Array.isArray(operation.security) && operation.security.length > 0;
      const hasBody = operation.requestBody !== undefined;
      if (hasBody || secured || (operation.parameters?.length ?? 0) > 0) add(400);
      if (secured) {
        add(401);
        add(429);
      }
      if (hasBody) {
        add(413);
        add(415);
      }
      if (!STORE_FREE.has(path)) add(503);
      // A header read with @Headers() is emitted as a required parameter; the explicit description wins.
      if (operation.parameters) operation.parameters = dedupeParameters(operation.parameters);
      if (secured && (method === 'post' || method === 'patch') && !QUERIES_BY_POST.has(path)) {
        const parameters = (operation.parameters ??= []);
        if (!parameters.some((p) => String(p['name']).toLowerCase() === 'idempotency-key')) parameters.push(IDEMPOTENCY_KEY);
        if (method === 'post' && AUTHORIZATION_COMMAND.test(path) && !parameters.some((p) => String(p['name']).toLowerCase() === 'if-match')) parameters.push(IF_MATCH);
      }
      const found = responses['200'] as { headers?: Record<string, unknown> } | undefined;
      if (method === 'get' && path === '/v1/authorizations/{id}' && found !== undefined) found.headers = { ...found.headers, ETag: ETAG };
      // Drop the description-only placeholders Nest emits for undecorated handlers.
      for (const [status, response] of Object.entries(responses)) {
        if (status.startsWith('2') && (response as { content?: unknown }).content === undefined && Object.keys(responses).some((s) => s !== status && s.startsWith('2'))) delete responses[status];
      }
    }
  }
  spellOutDigits(doc);
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) if (name !== 'Problem') describeText(schema);
  for (const item of Object.values(doc.paths)) {
    for (const value of Object.values(item)) {
      const operation = value as Operation;
      for (const parameter of operation.parameters ?? []) describeText(parameter['schema']);
      for (const media of Object.values((operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content ?? {})) describeText(media.schema);
    }
  }
  return document;
}

/** The edge's one text rule (NUL and lone surrogates are 400): said on every free-text field of a request. */
const NO_NUL = '^[^\\u0000]*$';

function describeText(node: unknown): void {
  if (Array.isArray(node)) for (const item of node) describeText(item);
  else if (typeof node === 'object' && node !== null) {
    const schema = node as Record<string, unknown>;
    if (schema['type'] === 'string' && schema['pattern'] === undefined && schema['enum'] === undefined && schema['format'] === undefined) schema['pattern'] = NO_NUL;
    // An instant: the strict pattern (the check routes' JSON Schema has the looser shape).
    if (typeof schema['pattern'] === 'string' && isInstantShape(schema['pattern'])) schema['pattern'] = INSTANT_PATTERN;
    for (const key of ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties']) {
      const child = schema[key];
      if (key === 'properties' && typeof child === 'object' && child !== null) for (const property of Object.values(child)) describeText(property);
      else describeText(child);
    }
  }
}

/** Every `pattern` of the document, hand-written ones (the check routes) included, through asciiDigits. */
function spellOutDigits(node: unknown): void {
  if (Array.isArray(node)) for (const item of node) spellOutDigits(item);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'pattern' && typeof value === 'string') record[key] = asciiDigits(value);
      else spellOutDigits(value);
    }
  }
}

// ---- what the validation pipe enforces, in the document ----------------------------------------

type Target = { readonly name: string };
type Rule = { readonly type: string; readonly name?: string; readonly propertyName: string; readonly constraints?: unknown[]; readonly each?: boolean };
type Property = Record<string, unknown>;

/** The class-validator rules of every validated class, by class name (a name used twice is left out). */
function validatedClasses(): Map<string, Map<string, Rule[]>> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Target, unknown>;
    getTargetValidationMetadatas(target: Target, schema: string, always: boolean, strictGroups: boolean): Rule[];
  };
  const classes = new Map<string, Map<string, Rule[]>>();
  const seen = new Set<string>();
  for (const target of storage.validationMetadatas.keys()) {
    const name = target.name;
    if (seen.has(name)) {
      classes.delete(name);
      continue;
    }
    seen.add(name);
    const rules = new Map<string, Rule[]>();
    for (const rule of storage.getTargetValidationMetadatas(target, '', false, false)) {
      if (rule.propertyName === '_') continue; // EmptyBodyDto's never-present marker
      rules.set(rule.propertyName, [...(rules.get(rule.propertyName) ?? []), rule]);
    }
    classes.set(name, rules);
  }
  return classes;
}

/**
 * What the domain's parseInstant accepts, as far as a pattern can say it: years 0001..9999, days that
 * exist in their month (29 February, valid in leap years only, is left out), seconds optional,
 * offsets up to ±14:00. Not `format: date-time`: RFC 3339 requires the seconds this API lets out.
 */
const INSTANT_PATTERN =
  '^(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-' +
  '(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)' +
  'T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?(?:Z|[+-](?:0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)$';
/** The looser shape the check routes' JSON Schema tests first (the handler then parses the instant). */
const isInstantShape = (pattern: string): boolean => pattern.includes('T[0-9]{2}:[0-9]{2}');

/**
 * JavaScript's `\\d` is [0-9]; in Python's `re` (Schemathesis generates from patterns with it) it is
 * any Unicode digit. Spelled out, a pattern means the same to both.
 */
function asciiDigits(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\' && i + 1 < source.length) {
      const next = source[++i];
      out += next === 'd' ? (inClass ? '0-9' : '[0-9]') : `\\${next}`;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}

/** Narrows one property's schema by its rules (the schema of an array's items for `each` rules). */
function applyRules(property: Property, rules: readonly Rule[]): void {
  if (property['$ref'] !== undefined || property['allOf'] !== undefined) return; // a nested class: described by its own component
  for (const rule of rules) {
    const array = property['type'] === 'array';
    const target: Property = rule.each && array ? ((property['items'] as Property | undefined) ?? (property['items'] = {})) : property;
    const [first] = rule.constraints ?? [];
    const kind = rule.type === 'customValidation' ? (rule.name ?? '') : (rule.name ?? rule.type);
    switch (kind) {
      case 'matches':
        // An explicit @ApiProperty pattern (narrower: what the handler also checks) wins over the rule's.
        if (first instanceof RegExp && first.flags.replace(/[gsuy]/g, '') === '') target['pattern'] ??= asciiDigits(first.source);
        break;
      case 'isUuid':
        target['format'] = 'uuid';
        break;
      case 'isInstant':
        target['type'] = 'string';
        target['pattern'] = INSTANT_PATTERN;
        break;
      case 'maxLength':
        target['maxLength'] = first;
        break;
      case 'minLength':
        target['minLength'] = first;
        break;
      case 'isNotEmpty':
        if (target['type'] === 'string') target['minLength'] = Math.max(1, Number(target['minLength'] ?? 0));
        break;
      case 'isIn':
        if (Array.isArray(first)) target['enum'] = first;
        break;
      case 'isInt':
        target['type'] = 'integer';
        break;
      case 'isNumber':
        if (target['type'] !== 'integer') target['type'] = 'number';
        break;
      case 'isBoolean':
        target['type'] = 'boolean';
        break;
      case 'isString':
        target['type'] = 'string';
        break;
      case 'isArray':
        property['type'] = 'array';
        property['items'] ??= {};
        break;
      case 'isObject':
        target['type'] = 'object';
        break;
      case 'min':
        target['minimum'] = first;
        break;
      case 'max':
        target['maximum'] = first;
        break;
      case 'arrayMinSize':
        property['minItems'] = first;
        break;
      case 'arrayMaxSize':
        property['maxItems'] = first;
        break;
      case 'arrayUnique':
        property['uniqueItems'] = true;
        break;
      default:
        break;
    }
  }
  // Numeric bounds mean nothing on a string (a query parameter is one): they would only mislead.
  if (property['type'] === 'string') for (const key of ['minimum', 'maximum']) delete property[key];
}

/** Required unless optional (IsOptional, or a ValidateIf such as Omittable); `null` only where IsOptional lets it through. */
const optionality = (rules: readonly Rule[]): { required: boolean; nullable: boolean } => ({
  required: !rules.some((rule) => rule.type === 'conditionalValidation'),
  nullable: rules.some((rule) => rule.type === 'conditionalValidation' && rule.name === 'isOptional'),
});

/** Rules across fields that the handlers enforce (400) and no single field's schema can say. */
const ACROSS_FIELDS: Readonly<Record<string, Schema>> = {
  RequestChangeDto: { anyOf: [{ required: ['scope'] }, { required: ['validUntil'] }] },
  ReportActionDto: {
    allOf: [
      { anyOf: [{ properties: { type: { not: { enum: ['revoke'] } } } }, { required: ['authorizationId'] }] },
      { anyOf: [{ properties: { type: { not: { enum: ['training'] } } } }, { required: ['course'] }] },
    ],
  },
  RecordInspectionDto: { anyOf: [{ properties: { kind: { enum: ['spot'] } } }, { required: ['period'], properties: { period: { type: 'string' } } }] },
};

/**
 * The body and query classes' validation (class-validator) written into the document: patterns,
 * lengths, enums, formats, which fields are required, and that unknown fields are refused
 * (forbidNonWhitelisted). The document then promises exactly what the validation pipe enforces.
 */
function describeValidation(doc: Document): void {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const component = schema as { properties?: Record<string, Property>; required?: string[]; additionalProperties?: unknown };
    // Every component is a request class (answers are described inline): the pipe refuses unknown fields.
    component.additionalProperties = false;
    // A class without rules of its own (`class B extends A {}`) is not a key of the storage: find A by its fields.
    const fields = Object.keys(component.properties ?? {});
    const rules = classes.get(name) ?? [...classes.values()].find((candidate) => fields.length > 0 && candidate.size === fields.length && fields.every((f) => candidate.has(f)));
    if (rules === undefined) continue;
    const required = new Set(component.required ?? []);
    for (const [propertyName, property] of Object.entries(component.properties ?? {})) {
      const propertyRules = rules.get(propertyName) ?? [];
      applyRules(property, propertyRules);
      const { required: isRequired, nullable } = optionality(propertyRules);
      if (propertyRules.length > 0) {
        if (isRequired) required.add(propertyName);
        else required.delete(propertyName);
      }
      if (nullable) property['nullable'] = true;
    }
    if (required.size > 0) component.required = [...required];
    else delete component.required;
    Object.assign(component, ACROSS_FIELDS[name] ?? {});
  }
  // A body whose class requires nothing may be left out (the pipe validates it as `{}`).
  for (const item of Object.values(doc.paths)) {
    for (const value of Object.values(item)) {
      const body = (value as Operation).requestBody as { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
      const ref = body?.content?.['application/json']?.schema?.$ref;
      const component = ref ? (doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] as { required?: string[]; anyOf?: unknown } | undefined) : undefined;
      if (body && component && (component.required?.length ?? 0) === 0 && component.anyOf === undefined) body.required = false;
    }
  }
  // Query parameters: the class whose properties are exactly the operation's query parameters.
  const queryClasses = [...classes.values()];
  for (const item of Object.values(doc.paths)) {
    for (const value of Object.values(item)) {
      const parameters = (value as Operation).parameters?.filter((p) => p['in'] === 'query') ?? [];
      if (parameters.length === 0) continue;
      const names = new Set(parameters.map((p) => String(p['name'])));
      // Several classes may have the same fields (`cursor`, `limit`, `status`): the one whose `isIn` rules agree
      // with the enums the decorators already gave these parameters.
      const candidates = queryClasses.filter((candidate) => candidate.size === names.size && [...names].every((n) => candidate.has(n)));
      const rules = candidates.find((candidate) => parameters.every((p) => enumAgrees(p, candidate.get(String(p['name'])) ?? []))) ?? candidates[0];
      if (rules === undefined) continue;
      for (const parameter of parameters) {
        const propertyRules = rules.get(String(parameter['name'])) ?? [];
        applyRules((parameter['schema'] ??= { type: 'string' }) as Property, propertyRules);
        parameter['required'] = optionality(propertyRules).required;
      }
    }
  }
}

/** Whether a parameter's enum (from its decorator), if any, is the one its `isIn` rule allows. */
function enumAgrees(parameter: Record<string, unknown>, rules: readonly Rule[]): boolean {
  const declared = (parameter['schema'] as { enum?: unknown[] } | undefined)?.enum;
  if (declared === undefined) return true;
  const isIn = rules.find((rule) => (rule.name ?? rule.type) === 'isIn')?.constraints?.[0];
  return !Array.isArray(isIn) || (isIn.length === declared.length && isIn.every((value) => declared.includes(value)));
}

/** One parameter per (in, name), names compared case-insensitively: the one with a description wins. */
function dedupeParameters(parameters: Record<string, unknown>[]): Record<string, unknown>[] {
  const kept = new Map<string, Record<string, unknown>>();
  for (const parameter of parameters) {
    const key = `${String(parameter['in'])}:${String(parameter['name']).toLowerCase()}`;
    const existing = kept.get(key);
    if (existing === undefined || (existing['description'] === undefined && parameter['description'] !== undefined)) kept.set(key, parameter);
  }
  return [...kept.values()];
}

// ---- success bodies ----------------------------------------------------------------------------

const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const instant = { type: 'string', description: 'ISO-8601 instant' } as const;
const position = { type: 'string', description: 'Consistency token: pass it as X-Consistency-Token (or consistency.atLeast) to read your own write' } as const;
const scope = {
  type: 'object',
  properties: {
    maxAmount: { type: 'integer' },
    currency: { type: 'string', description: 'ISO 4217 currency of maxAmount (views only; requests send the plain number)' },
    channels: { type: 'array', items: string },
  },
} as const;
const matterNames = {
  type: 'object',
  required: ['zh-Hant', 'en'],
  properties: { 'zh-Hant': string, en: string },
  description: "The matter's names in both languages, from the catalogue",
} as const;
const terms = { type: 'object', required: ['scope', 'validFrom', 'validUntil'], properties: { matter: string, scope, validFrom: instant, validUntil: instant } } as const;
const object = { type: 'object' } as const;

/** An authorization as the workflow shows it (state, terms, actors, notice, end). */
const AUTHORIZATION_PROPERTIES = {
  id: { type: 'string', format: 'uuid' },
  status: string,
  applicantId: string,
  matter: string,
  matterNames,
  terms,
  reason: string,
  pendingChange: { ...object, nullable: true, properties: { terms } },
  reviewerId: nullableString,
  approverId: nullableString,
  executiveId: nullableString,
  notice: { ...object, nullable: true },
  copiesTo: { type: 'array', items: string, description: "Every department any notice was copied to (the union, SPEC §12); each notice's own list is in notice and the history" },
  acknowledgedAt: nullableString,
  endedAt: nullableString,
  endedBy: nullableString,
  endReason: nullableString,
} as const;

const version = { type: 'integer', minimum: 0, description: 'The revision of the authorization (its ETag, quoted): send it as If-Match on a command to act only on what you read' } as const;

export const AUTHORIZATION_ANSWER: Schema = {
  type: 'object',
  required: ['id', 'status', 'applicantId', 'matter', 'matterNames', 'terms', 'version', 'position'],
  properties: { ...AUTHORIZATION_PROPERTIES, version, position },
};

const HISTORY_ENTRY = {
  type: 'object',
  required: ['type', 'revision', 'position', 'data'],
  properties: { type: string, revision: { type: 'integer' }, position: string, occurredAt: string, actor: { ...object, nullable: true }, actingFor: { type: 'string', description: "On a stand-in's act: whom it was for" }, data: object },
} as const;

export const AUTHORIZATION_DETAIL: Schema = {
  ...AUTHORIZATION_ANSWER,
  required: [...(AUTHORIZATION_ANSWER['required'] as string[]), 'history'],
  properties: { ...AUTHORIZATION_PROPERTIES, version, history: { type: 'array', items: HISTORY_ENTRY }, position },
};

/** `{items, nextCursor}` of every list (SPEC §5). */
export const pageOf = (item: Schema): Schema => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: item }, nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' } },
});

export const AUTHORIZATION_ROW: Schema = {
  type: 'object',
  required: ['id', 'status', 'applicantId', 'matter', 'matterNames', 'terms'],
  properties: { ...AUTHORIZATION_PROPERTIES, applicantRole: string, applicantTeam: nullableString, finalApprovalRequired: { type: 'boolean' }, createdAt: instant, updatedAt: instant },
};

export const INBOX_TASK: Schema = {
  type: 'object',
  required: ['authorizationId', 'kind', 'applicantId', 'matter', 'since'],
  properties: { authorizationId: string, kind: string, changeId: nullableString, applicantId: string, matter: string, since: instant },
};

export const AUDIT_ENTRY: Schema = {
  type: 'object',
  required: ['position', 'eventId', 'type', 'streamId', 'revision', 'occurredAt'],
  properties: { position: string, eventId: string, type: string, streamId: string, revision: { type: 'integer' }, occurredAt: instant, actor: { ...object, nullable: true }, data: {}, metadata: {} },
};

export const EMPLOYEE: Schema = {
  type: 'object',
  required: ['employeeId', 'name', 'role', 'left'],
  properties: {
    employeeId: string,
    name: string,
    role: string,
    team: nullableString,
    reportsTo: nullableString,
    department: nullableString,
    left: { type: 'boolean' },
    trainings: { type: 'array', items: string },
    standIns: {
      type: 'array',
      description: 'Stand-ins (代理人) named and not ended',
      items: { type: 'object', required: ['standInId', 'from', 'until', 'reason'], properties: { standInId: string, from: instant, until: instant, reason: nullableString } },
    },
  },
};

export const EMPLOYEE_ANSWER: Schema = { ...EMPLOYEE, required: [...(EMPLOYEE['required'] as string[]), 'position'], properties: { ...(EMPLOYEE['properties'] as object), position } };

export const PERMISSIONS: Schema = {
  type: 'object',
  required: ['employeeId', 'role', 'departed', 'baseline', 'grants', 'at', 'position'],
  properties: {
    employeeId: string,
    role: nullableString,
    departed: { type: 'boolean' },
    baseline: { type: 'array', items: string },
    grants: { type: 'array', items: { type: 'object', required: ['authority', 'grantId'], properties: { authority: string, grantId: string, scope, validFrom: instant, validUntil: instant } } },
    at: instant,
    position,
  },
};

export const HOLDERS: Schema = {
  type: 'object',
  required: ['authority', 'at', 'items', 'position'],
  properties: {
    authority: string,
    at: instant,
    items: { type: 'array', items: { type: 'object', required: ['employeeId', 'via'], properties: { employeeId: string, via: { type: 'string', enum: ['role', 'grant'] }, role: string, grantId: string, scope, validUntil: instant } } },
    position,
  },
};

/** A supervision answer: the new state, flattened (SPEC §10), with its id and consistency token. */
export const SUPERVISION_ANSWER: Schema = {
  type: 'object',
  required: ['id', 'status', 'position'],
  properties: { id: string, status: string, position },
  additionalProperties: true,
};

export const REPORT: Schema = {
  type: 'object',
  required: ['id', 'status', 'subjectEmployeeId', 'category', 'description', 'reporter'],
  properties: {
    id: string,
    status: { type: 'string', enum: ['filed', 'investigating', 'concluded', 'notified'] },
    subjectEmployeeId: string,
    authorizationId: nullableString,
    category: string,
    description: string,
    reporter: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['customer', 'employee'] }, contact: string, employeeId: string } },
    reportedBy: string,
    filedAt: nullableString,
    investigatorId: nullableString,
    conclusion: {
      type: 'object',
      nullable: true,
      required: ['finding', 'summary', 'actions'],
      properties: {
        finding: { type: 'string', enum: ['substantiated', 'dismissed'] },
        summary: string,
        actions: {
          type: 'array',
          items: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['revoke', 'warning', 'training'] }, authorizationId: string, course: string } },
        },
      },
    },
    feedback: { type: 'object', nullable: true, required: ['message'], properties: { message: string } },
  },
};

export const REPORT_ANSWER: Schema = { ...REPORT, required: [...(REPORT['required'] as string[]), 'position'], properties: { ...(REPORT['properties'] as object), position } };

/** A recorded decision (the decision log), as GET /v1/decisions and GET /v1/inspections/sample answer it: every field, always. */
export const DECISION: Schema = {
  type: 'object',
  required: ['id', 'employeeId', 'team', 'authority', 'context', 'at', 'allowed', 'reason', 'grantId', 'policyVersion', 'requestedBy', 'requestId', 'decidedAt'],
  properties: {
    id: string,
    employeeId: string,
    team: nullableString,
    authority: string,
    context: { type: 'object', nullable: true, properties: { amount: { type: 'number' }, channel: string } },
    at: string,
    allowed: { type: 'boolean' },
    reason: string,
    grantId: nullableString,
    policyVersion: string,
    requestedBy: string,
    requestId: string,
    decidedAt: string,
  },
};

export const KPIS: Schema = {
  type: 'object',
  required: ['period', 'items'],
  properties: { period: string, items: { type: 'array', items: { type: 'object', required: ['employeeId', 'period'], properties: { employeeId: string, team: nullableString, period: string } } } },
};
