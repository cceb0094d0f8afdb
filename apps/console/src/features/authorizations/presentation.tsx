import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatInstant } from '../../lib/format';

interface Named {
  readonly matter: string;
  readonly matterNames?: { readonly 'zh-Hant'?: string; readonly en?: string } | null;
}

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

interface HistoryEntry {
  readonly type: string;
  readonly position: string;
  readonly occurredAt?: string;
  readonly actor?: Record<string, unknown> | null;
  readonly data: Record<string, unknown>;
}

/** Every step with who did it and when: the authorization's own history. */
export function AuthorizationTimeline({ history }: { readonly history: readonly HistoryEntry[] }) {
  const { t } = useTranslation('authorizations');
  return (
    <Timeline
      items={history.map((entry) => {
        const actor = typeof entry.actor?.['id'] === 'string' ? entry.actor['id'] : null;
        const actingFor = typeof entry.data['actingFor'] === 'string' ? entry.data['actingFor'] : null;
        const opinion = typeof entry.data['opinion'] === 'string' && entry.data['opinion'] ? entry.data['opinion'] : typeof entry.data['reason'] === 'string' && entry.type !== 'AuthorizationApplied' ? entry.data['reason'] : null;
        return {
          key: entry.position,
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{t(`events.${entry.type}`, { defaultValue: entry.type })}</Typography.Text>
              <Typography.Text type="secondary">
                {formatInstant(entry.occurredAt)}
                {actor ? ` · ${t('by', { actor })}` : ''}
                {actingFor ? ` (${t('actingFor', { id: actingFor })})` : ''}
              </Typography.Text>
              {opinion && <Typography.Text>{t('opinion', { text: opinion })}</Typography.Text>}
              {typeof entry.data['changeId'] === 'string' && <Tag>{String(entry.data['changeId']).slice(0, 8)}</Tag>}
            </Space>
          ),
        };
      })}
    />
  );
}
