/**
 * How every authorization representation of the API shows the policy's words (SPEC §12, Languages):
 * the matter's names in both languages, and amounts with their currency
 * (`{"maxAmount": 800, "currency": "CNY"}`). Requests, events, audit and export keep the plain
 * request shape; only views pass through here.
 */
import type { Catalogue, DisplayNames } from '../../../domain/src/catalogue/catalogue.js';
import type { Scope } from '../../../domain/src/events.js';

export type ViewScope = Scope & { readonly currency?: string };

interface WithTerms {
  readonly terms: { readonly scope: Scope };
}

interface AuthorizationLike extends WithTerms {
  readonly matter: string;
  readonly pendingChange: WithTerms | null;
}

export type Presented<T> = T & { readonly matterNames: DisplayNames };

/** The matter's names, from the catalogue (its id in both languages when an older policy had it). */
export function matterNamesOf(catalogue: Catalogue, matter: string): DisplayNames {
  return catalogue.matters[matter]?.names ?? catalogue.authorities[matter]?.names ?? { 'zh-Hant': matter, en: matter };
}

/** The scope with the currency of the matter's amount rule, when the matter is priced. */
export function viewScope(catalogue: Catalogue, matter: string, scope: Scope): ViewScope {
  const currency = catalogue.matters[matter]?.scope.maxAmount?.currency;
  return currency === undefined ? scope : { ...scope, currency };
}

const withViewScope = <T extends WithTerms>(catalogue: Catalogue, matter: string, value: T): T => ({ ...value, terms: { ...value.terms, scope: viewScope(catalogue, matter, value.terms.scope) } });

/** An authorization (a row, a summary, a command answer) as the API shows it. */
export function presentAuthorization<T extends AuthorizationLike>(catalogue: Catalogue, authorization: T): Presented<T> {
  const { matter } = authorization;
  return {
    ...withViewScope(catalogue, matter, authorization),
    pendingChange: authorization.pendingChange === null ? null : withViewScope(catalogue, matter, authorization.pendingChange),
    matterNames: matterNamesOf(catalogue, matter),
  };
}
