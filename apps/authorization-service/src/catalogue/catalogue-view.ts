import { type Catalogue, type DisplayNames, finalApprovalRuleText, type MatterPolicy, type Role } from '../../../../libs/domain/src/index.js';

/** One authority of the catalogue: its names and the roles that hold it by baseline. */
export interface AuthorityView {
  readonly id: string;
  readonly names: DisplayNames;
  /** Roles holding it by virtue of the role (empty for an authority only a grant gives). */
  readonly baselineRoles: readonly Role[];
  /** Whether it is a grantable matter (applied for). */
  readonly grantable: boolean;
}

/** A grantable matter as the catalogue states it, every field of the catalogue's type passed through, plus the rule in words. */
export type MatterView = MatterPolicy & {
  readonly scopeFields: readonly string[];
  readonly finalApprovalRule: string;
};

export interface CatalogueView {
  readonly version: string;
  readonly roles: readonly { readonly id: Role; readonly names: DisplayNames | null; readonly authorities: readonly string[] }[];
  readonly authorities: readonly AuthorityView[];
  readonly matters: readonly MatterView[];
  /** The departments notices are copied to, with their names (SPEC §12); a slug not listed is shown as it is. */
  readonly departments: readonly { readonly id: string; readonly names: DisplayNames }[];
}

/**
 * The catalogue as the console and other readers see it (SPEC §11 "The policy itself"). Matters are
 * spread, so a field the catalogue type gains (copy rules, due hours) shows without a change here.
 */
export function catalogueView(catalogue: Catalogue): CatalogueView {
  const roles = Object.keys(catalogue.baselines) as Role[];
  const holders = (authority: string): Role[] => roles.filter((role) => catalogue.baselines[role].includes(authority));
  return {
    version: catalogue.version,
    roles: roles.map((id) => ({ id, names: catalogue.roleNames?.[id] ?? null, authorities: catalogue.baselines[id] })),
    authorities: Object.entries(catalogue.authorities)
      .map(([id, { names }]) => ({ id, names, baselineRoles: holders(id), grantable: id in catalogue.matters }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    matters: Object.values(catalogue.matters)
      .map((matter) => ({ ...matter, scopeFields: Object.keys(matter.scope), finalApprovalRule: finalApprovalRuleText(matter.finalApproval) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    departments: Object.entries(catalogue.departments ?? {}).map(([id, { names }]) => ({ id, names })),
  };
}
