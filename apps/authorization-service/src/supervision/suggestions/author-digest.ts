import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Catalogue } from '../../../../../libs/domain/src/index.js';
import { APP_CONFIG, type AppConfig, CATALOGUE } from '../../../../../libs/platform/src/index.js';
import type { SupervisionAnswer } from '../supervision-answer.js';

/**
 * The keyed digest that lets the author of an anonymous suggestion read it back (SPEC §11) while the
 * store, the audit trail and every other reader see no author. Keyed by the token secret; a
 * deployment verifying tokens by JWKS only has none and falls back to the catalogue version, which
 * anyone with the audit trail can try against the directory (stated in the README's notes).
 */
@Injectable()
export class AuthorDigest {
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CATALOGUE) catalogue: Catalogue) {
    this.key = config.auth.jwtSecret ?? `unkeyed:${catalogue.version}`;
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
