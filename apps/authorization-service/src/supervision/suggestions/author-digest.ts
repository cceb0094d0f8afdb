import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Catalogue } from '../../../../../libs/domain/src/index.js';
import { APP_CONFIG, type AppConfig, CATALOGUE, suggestionDigestKey } from '../../../../../libs/platform/src/index.js';
import { InvariantError } from '../../shared/application-errors.js';
import type { SupervisionAnswer } from '../supervision-answer.js';

const digestOf = (key: string, suggestionId: string, employeeId: string): string =>
  createHmac('sha256', key).update(`suggestion-author\n${suggestionId}\n${employeeId}`).digest('base64url');

/**
 * The keyed digest that lets the author of an anonymous suggestion read it back (SPEC §11) while the
 * store, the audit trail and every other reader see no author. Keyed by a secret of its own
 * (SUGGESTION_DIGEST_KEY, else derived from AUTH_JWT_SECRET, else generated beside the embedded
 * store): without it, anyone with the audit trail could try every employee against a digest.
 *
 * Suggestions stored before that key existed were digested by the token secret itself, or, without
 * one, by the catalogue version: their authors still read them back (stored events are never
 * rewritten), but nothing new is digested so.
 */
@Injectable()
export class AuthorDigest {
  private readonly key: string;
  private readonly formerKeys: readonly string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CATALOGUE) catalogue: Catalogue) {
    const key = suggestionDigestKey(config);
    // loadConfig refuses to start an API without one; only a config built past it gets here.
    if (key === null) throw new InvariantError('no key for the suggestion digests: set SUGGESTION_DIGEST_KEY');
    this.key = key;
    this.formerKeys = [config.auth.jwtSecret ?? `unkeyed:${catalogue.version}`].filter((former) => former !== key);
  }

  /** The digest a new anonymous suggestion of `employeeId` keeps. */
  of(suggestionId: string, employeeId: string): string {
    return digestOf(this.key, suggestionId, employeeId);
  }

  /** Every digest by which a stored suggestion names `employeeId` its author: today's, then the former keys'. */
  candidates(suggestionId: string, employeeId: string): string[] {
    return [this.of(suggestionId, employeeId), ...this.formerKeys.map((former) => digestOf(former, suggestionId, employeeId))];
  }

  /** Whether `digest` (a stored suggestion's) names `employeeId` its author. */
  names(digest: string, suggestionId: string, employeeId: string): boolean {
    return this.candidates(suggestionId, employeeId).includes(digest);
  }
}

/** A suggestion command's answer without the digest (it means nothing to the caller and is shown to nobody). */
export const withoutDigest = (answer: SupervisionAnswer): SupervisionAnswer => {
  const { authorDigest: _hidden, ...rest } = answer;
  return rest as SupervisionAnswer;
};
