/** The authority catalogue (SPEC §3) as the domain sees it, after validation. */
import type { Channel, Role } from '../ids.js';

export interface DisplayNames {
  readonly 'zh-Hant': string;
  readonly en: string;
}

export type FinalApprovalRule =
  | { readonly kind: 'never' }
  | { readonly kind: 'always' }
  | { readonly kind: 'maxAmountAbove'; readonly threshold: number };

export interface MatterScopeRule {
  /** When present, `maxAmount` is required and must be an integer within [min, max]. */
  readonly maxAmount?: { readonly min: number; readonly max: number; readonly currency: string };
  /** When present, `channels` is optional and must be a non-empty subset of these. */
  readonly channels?: readonly Channel[];
}

/** Departments a matter's notices are copied to (SPEC §12): `required` on every notice, `default` when omitted. */
export interface CopyRule {
  readonly required: readonly string[];
  readonly default: readonly string[];
}

export interface MatterPolicy {
  readonly id: string;
  readonly names: DisplayNames;
  readonly eligibleRoles: readonly Role[];
  readonly scope: MatterScopeRule;
  readonly maxValidityDays: number;
  readonly finalApproval: FinalApprovalRule;
  readonly trainingRequired: readonly string[];
  /** Absent: no copy rules (nothing required, no default). */
  readonly copies?: CopyRule;
  /** Hours each workflow stage may stay open before a reminder, twice that before escalation (SPEC §11; default 48). */
  readonly stageDueHours: number;
}

export interface Catalogue {
  /** Content hash of the catalogue file (`sha256:<hex>`), recorded on every event as `policyVersion`. */
  readonly version: string;
  /** Every authority that exists (baselines and grantable matters), with display names. */
  readonly authorities: Readonly<Record<string, { readonly names: DisplayNames }>>;
  /** Baseline authorities per role, inheritance already resolved. */
  readonly baselines: Readonly<Record<Role, readonly string[]>>;
  readonly matters: Readonly<Record<string, MatterPolicy>>;
  /** Display names of the roles (added for notices and documents; optional for older callers). */
  readonly roleNames?: Readonly<Record<Role, DisplayNames>>;
  /**
   * Display names of the departments notices are copied to (SPEC §12), by slug, in the catalogue's
   * order. A department without an entry (any slug may be copied) is shown by its slug.
   */
  readonly departments?: Readonly<Record<string, { readonly names: DisplayNames }>>;
}
