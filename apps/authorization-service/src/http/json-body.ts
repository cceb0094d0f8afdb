import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from './problem.js';

/** Deeper than any request of this API needs (the deepest, a batch check's context, is 4). */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that name a member of every object's prototype (`__proto__`, `constructor`, `toString`, …) or
 * `prototype`: a handler that copies or indexes by them reaches the prototype, and class-validator's
 * whitelist takes them for known fields. No field of this API is so named, so they are refused.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as text: PostgreSQL's jsonb and text refuse NUL, and a lone UTF-16
 * surrogate has no UTF-8 encoding. `null` when it is fine.
 */
export const textFault = (text: string): string | null => {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogate)';
  return null;
};

const invalid = (field: string, message: string): ProblemException =>
  new ProblemException(400, 'VALIDATION_FAILED', `invalid request: ${field}`, { errors: { [field]: [message] } });

/**
 * Checks a parsed JSON value without recursion: nesting at most MAX_JSON_DEPTH, no prototype keys,
 * and every key and string fit to be stored. The first fault is a 400 naming its field (`a.b.0.c`).
 */
export function inspectJson(root: unknown): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, path, depth } = item;
    const field = path || 'body';
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) throw invalid(field, fault);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw new ProblemException(400, 'BODY_TOO_DEEP', `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) throw invalid(childPath, 'is not allowed');
      const keyFault = textFault(key);
      if (keyFault) throw invalid('body', `field names ${keyFault}`);
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}

/** Malformed JSON, as Fastify's own parser reports it (the problem filter maps it to 400 MALFORMED_JSON). */
class MalformedJsonError extends SyntaxError {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_CTP_INVALID_JSON_BODY';
}

/**
 * The one JSON body parser of every route, Nest's and the raw check routes: Fastify's size limit,
 * then `JSON.parse` (which never recurses into a handler's stack), then `inspectJson`.
 */
export function useBoundedJsonParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(new ProblemException(400, 'MALFORMED_JSON', 'the request body is empty; send JSON'), undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(new MalformedJsonError('the request body is not valid JSON'), undefined);
    }
    try {
      // Every body of this API is an object: `null`, an array or a number is not one, not an empty command.
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('body', 'must be a JSON object');
      inspectJson(value);
    } catch (error: unknown) {
      return done(error as Error, undefined);
    }
    done(null, value);
  });
}

/** Query strings and path parameters follow the text rule too (they reach SQL as text). */
export function useTextRuleOnUrls(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    for (const [where, values] of [['query', request.query], ['params', request.params]] as const) {
      if (typeof values !== 'object' || values === null) continue;
      for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
        for (const text of Array.isArray(value) ? value : [value]) {
          const fault = typeof text === 'string' ? textFault(text) : null;
          if (fault) throw invalid(where === 'query' ? key : `path.${key}`, fault);
        }
        const keyFault = textFault(key);
        if (keyFault) throw invalid(where, `parameter names ${keyFault}`);
      }
    }
  });
}
