import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { getCatalogueControllerGet } from '../../api/generated/sdk.gen';
import type { GetCatalogueControllerGetResponse } from '../../api/generated/types.gen';

type GeneratedCatalogue = GetCatalogueControllerGetResponse;
type GeneratedMatter = GeneratedCatalogue['matters'][number];

/**
 * The policy as the service holds it (GET /v1/catalogue, SPEC §11): the console keeps no copy; every
 * form, limit and hint comes from here. The generated type leaves a matter's scope rules and copy
 * rules open (the catalogue passes them through); these are the shapes the forms read.
 */
export type CatalogueMatter = GeneratedMatter & {
  readonly scope: {
    readonly maxAmount?: { readonly min: number; readonly max: number; readonly currency?: string };
    readonly channels?: readonly string[];
  };
  readonly copies?: { readonly required?: readonly string[]; readonly default?: readonly string[] };
};
export type Catalogue = Omit<GeneratedCatalogue, 'matters'> & { readonly matters: readonly CatalogueMatter[] };

export const useCatalogue = () =>
  useQuery({
    queryKey: ['catalogue'],
    queryFn: async (): Promise<Catalogue> => (await unwrap(getCatalogueControllerGet())) as Catalogue,
    staleTime: 5 * 60_000,
  });

export const matterName = (matter: CatalogueMatter, language: string): string => (language === 'zh-Hant' ? matter.names['zh-Hant'] : matter.names.en);

type Department = Catalogue['departments'][number];
const departmentOf = (catalogue: Catalogue | undefined, slug: string): Department | undefined => catalogue?.departments?.find((department) => department.id === slug);

/** A department copies go to, by name in the shown language (SPEC §12); its slug where the catalogue names none. */
export function departmentName(catalogue: Catalogue | undefined, slug: string, language: string): string {
  const names = departmentOf(catalogue, slug)?.names;
  if (names === undefined) return slug;
  return language === 'zh-Hant' ? names['zh-Hant'] : names.en;
}

/** A department by both its names (財務部 Finance), as a notice, read by either language, shows it. */
export function departmentNames(catalogue: Catalogue | undefined, slug: string): string {
  const names = departmentOf(catalogue, slug)?.names;
  return names === undefined ? slug : `${names['zh-Hant']} ${names.en}`;
}

/** The rule that sends a matter to an executive, in words (from the catalogue's `finalApproval`). */
export function finalApprovalRule(matter: CatalogueMatter, maxAmount: number | undefined): string | null {
  const rule = matter.finalApproval;
  if (rule.kind === 'always') return 'major matter';
  if (rule.kind === 'maxAmountAbove' && rule.threshold !== undefined && maxAmount !== undefined && maxAmount > rule.threshold) return `maxAmount ${maxAmount} > ${rule.threshold}`;
  return null;
}
