import { useTranslation } from 'react-i18next';
import { useEmployee } from '../../api/session-queries';
import { formatAmount, formatInstant } from '../../lib/format';

/** `黃小玲 Huang Hsiao-ling (E101)` once the directory answers; the id until then (or for one it does not know). */
export const useEmployeeLabel = (id: string | undefined): string | undefined => {
  const employee = useEmployee(id);
  return id === undefined ? undefined : employee.data ? `${employee.data.name} (${id})` : id;
};

/** An employee by name, with their id: people read names (SPEC §13). */
export function EmployeeName({ id }: { readonly id: string }) {
  return <>{useEmployeeLabel(id)}</>;
}

interface Named {
  readonly matter: string;
  readonly matterNames?: { readonly 'zh-Hant'?: string; readonly en?: string } | null;
}

export const matterName = (authorization: Named, language: string): string =>
  (language === 'zh-Hant' ? authorization.matterNames?.['zh-Hant'] : authorization.matterNames?.en) ?? authorization.matter;

/** The matter in the shown language (views carry both names, SPEC §12), the other beneath when asked. */
export function MatterName({ authorization, both = false }: { readonly authorization: Named; readonly both?: boolean }) {
  const { i18n } = useTranslation();
  const names = authorization.matterNames ?? {};
  const shown = (i18n.language === 'zh-Hant' ? names['zh-Hant'] : names.en) ?? authorization.matter;
  if (!both) return <>{shown}</>;
  return (
    <span>
      {names['zh-Hant'] ?? authorization.matter} / {names.en ?? authorization.matter}
    </span>
  );
}

export interface ScopeLike {
  readonly maxAmount?: number;
  readonly currency?: string;
  readonly channels?: readonly string[];
}

export function ScopeText({ scope }: { readonly scope: ScopeLike | undefined }) {
  const { t } = useTranslation('authorizations');
  const parts: string[] = [];
  if (scope?.maxAmount !== undefined) parts.push(`${t('scope.maxAmount')} ${formatAmount(scope.maxAmount, scope.currency ?? 'CNY')}`);
  if (scope?.channels && scope.channels.length > 0) parts.push(`${t('scope.channels')}: ${scope.channels.map((c) => t(`scope.channel.${c}`, { defaultValue: c })).join('、')}`);
  return <>{parts.length > 0 ? parts.join(' · ') : t('scope.none')}</>;
}

export function ValidityText({ terms }: { readonly terms: { readonly validFrom: string; readonly validUntil: string } }) {
  const { t } = useTranslation('authorizations');
  return <>{t('validity', { from: formatInstant(terms.validFrom), until: formatInstant(terms.validUntil) })}</>;
}

