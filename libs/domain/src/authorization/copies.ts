/**
 * Copies of an authorization's notices to departments (SPEC §12 "Copies"). Pure: which departments
 * one notice is copied to, given the request and the matter's copy rule, and the union every later
 * message about the authorization goes to.
 */
import type { Catalogue, CopyRule } from '../catalogue/catalogue.js';
import { DomainError } from '../errors.js';

/** A department is a lower-case slug (`finance`, `it-security`), at most 64 characters. */
export const DEPARTMENT_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const DEPARTMENT_MAX_LENGTH = 64;

export const isDepartment = (value: string): boolean => value.length <= DEPARTMENT_MAX_LENGTH && DEPARTMENT_PATTERN.test(value);

/** A matter without copy rules: nothing required, no default. */
export const NO_COPY_RULE: CopyRule = { required: [], default: [] };

export const copyRuleOf = (catalogue: Catalogue | undefined, matter: string): CopyRule => catalogue?.matters[matter]?.copies ?? NO_COPY_RULE;

/** Distinct, in order of first appearance. */
export const unionOfCopies = (...lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

/**
 * The departments one notice is copied to. `requested` null (omitted): the rule's default plus its
 * required departments. An explicit list is taken as it is (`[]`: no copies) but must name every
 * required department (`COPY_REQUIRED`, the missing ones in `details.missing`).
 */
export function resolveCopies(requested: readonly string[] | null, rule: CopyRule): string[] {
  if (requested === null) return unionOfCopies(rule.default, rule.required);
  const invalid = requested.filter((department) => !isDepartment(department));
  if (invalid.length > 0) throw new DomainError('DEPARTMENT_INVALID', `departments are lower-case slugs such as finance: ${invalid.slice(0, 5).join(', ')}`, { invalid: invalid.slice(0, 5) });
  const missing = rule.required.filter((department) => !requested.includes(department));
  if (missing.length > 0) throw new DomainError('COPY_REQUIRED', `the notice must be copied to ${missing.join(', ')}`, { missing, required: [...rule.required] });
  return unionOfCopies(requested);
}
