/**
 * Optimistic concurrency on the commands of one authorization (RFC 9110 §13.1.1): a caller that sends
 * `If-Match: "<version>"` — the `version` (and ETag) of the view it decided on — has its command
 * acted on only while the authorization is still at that version. Otherwise it is refused with 409
 * CONCURRENCY_CONFLICT (SPEC §5: a concurrent update), so a person never acts on terms they no
 * longer see. Without the header a command acts on the current state, as before.
 */
import { InvalidRequestError } from './application-errors.js';

/** `*` (any current version), or the versions the caller read. */
export type VersionPrecondition = '*' | readonly number[];

/** The strong entity tag of an authorization at `version` (the revision of its stream's last event). */
export const versionTag = (version: number): string => `"${version}"`;

// One member of the list: optional white space, an entity-tag (optionally weak, then a quoted string of
// etagc, RFC 9110 §8.8.3 — which may hold a comma), optional white space, then a comma or the end.
const LIST_MEMBER = /[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(,|$)/y;

const VERSION = /^(?:0|[1-9][0-9]{0,8})$/;

const invalid = (): InvalidRequestError =>
  InvalidRequestError.fields('If-Match must be * or a list of entity tags such as "3" (the version of the authorization you read)', { 'If-Match': ['invalid format'] });

/**
 * Parses an If-Match header (also a bare version, `3`). Weak tags and tags that are no version of ours are kept out (a strong
 * comparison never matches them), so a list of only those matches nothing; a malformed header is 400.
 */
export function parseIfMatch(header: string): VersionPrecondition {
  const trimmed = header.trim();
  if (trimmed === '*') return '*';
  // A bare version (3), as a person at a terminal types it: the same as its tag "3".
  if (VERSION.test(trimmed)) return [Number(trimmed)];
  if (trimmed === '' || trimmed.length > 1024) throw invalid();
  const versions: number[] = [];
  LIST_MEMBER.lastIndex = 0;
  for (;;) {
    const match = LIST_MEMBER.exec(trimmed);
    if (match === null) throw invalid();
    const [, weak, opaque = '', separator] = match;
    if (weak === undefined && VERSION.test(opaque)) versions.push(Number(opaque));
    if (separator === '') break;
  }
  return versions;
}

/** Whether an authorization at `version` satisfies the precondition. */
export const satisfies = (precondition: VersionPrecondition, version: number): boolean => precondition === '*' || precondition.includes(version);

/**
 * An application makes a new authorization: there is no version the caller can have read, so an
 * If-Match (even `*`, which RFC 9110 says fails on what does not exist yet) is refused as a 400 naming
 * the header, not ignored: a caller who believes it guards something learns that it does not.
 */
export function refuseIfMatchOnCreation(header: string | null): void {
  if (header === null) return;
  throw InvalidRequestError.fields('If-Match does not apply to an application: the new authorization has no version yet (send an Idempotency-Key to make a retry safe)', {
    'If-Match': ['not accepted when applying: there is no version to match'],
  });
}
