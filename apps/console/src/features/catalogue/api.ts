import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';

/**
 * The policy as the service holds it (GET /v1/catalogue, SPEC §11): the console keeps no copy; every
 * form, limit and hint below comes from here.
 */
export interface CatalogueMatter {
  readonly id: string;
  readonly names: { readonly 'zh-Hant': string; readonly en: string };
  readonly eligibleRoles: readonly string[];
  readonly scope: {
    readonly maxAmount?: { readonly min: number; readonly max: number; readonly currency?: string };
    readonly channels?: readonly string[];
  };
  readonly maxValidityDays: number;
  readonly finalApproval: { readonly kind: string; readonly threshold?: number };
  readonly trainingRequired?: readonly string[];
  readonly copies?: { readonly required?: readonly string[]; readonly default?: readonly string[] };
  readonly stageDueHours?: number;
}

export interface Catalogue {
  readonly version?: string;
  readonly authorities?: readonly { readonly id: string; readonly names: { readonly 'zh-Hant': string; readonly en: string } }[];
  readonly matters: readonly CatalogueMatter[];
}

export const useCatalogue = () =>
  useQuery({
    queryKey: ['catalogue'],
    queryFn: () => unwrap(client.get<{ 200: Catalogue }, unknown, false>({ url: '/v1/catalogue', security: [{ scheme: 'bearer', type: 'http' }] })),
    staleTime: 5 * 60_000,
  });

export const matterName = (matter: CatalogueMatter, language: string): string => (language === 'zh-Hant' ? matter.names['zh-Hant'] : matter.names.en);
