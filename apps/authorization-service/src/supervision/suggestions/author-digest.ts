import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, suggestionDigestKey } from '../../../../../libs/platform/src/index.js';
import { InvariantError } from '../../shared/application-errors.js';
import type { SupervisionAnswer } from '../supervision-answer.js';

/**
 * The keyed digest that lets the author of an anonymous suggestion read it back (SPEC §11) while the
 * store, the audit trail and every other reader see no author. Keyed by a secret of its own
 * (SUGGESTION_DIGEST_KEY, else derived from AUTH_JWT_SECRET, else generated beside the embedded
 * store): without it, anyone with the audit trail could try every employee against a digest.
 */
@Injectable()
export class AuthorDigest {
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = suggestionDigestKey(config);
    // loadConfig refuses to start an API without one; only a config built past it gets here.
    if (key === null) throw new InvariantError('no key for the suggestion digests: set SUGGESTION_DIGEST_KEY');
    this.key = key;
  }

  of(suggestionId: string, employeeId: string): string {
    return createHmac('sha256', this.key).update(`suggestion-author\n${suggestionId}\n${employeeId}`).digest('base64url');
  }
}

/** A suggestion command's answer without the digest (it means nothing to the caller and is shown to nobody). */
export const withoutDigest = (answer: SupervisionAnswer): SupervisionAnswer => {
  const { authorDigest: _hidden, ...rest } = answer;
  return rest as SupervisionAnswer;
};
