import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/format';
import { useEmployeeLabel } from './presentation';

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
        // Employees by name; a service or the scheduler by its id.
        const byEmployee = entry.actor?.['kind'] === 'employee';
        const opinion = typeof entry.data['opinion'] === 'string' && entry.data['opinion'] ? entry.data['opinion'] : typeof entry.data['reason'] === 'string' && entry.type !== 'AuthorizationApplied' ? entry.data['reason'] : null;
        return {
          key: entry.position,
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{t(`events.${entry.type}`, { defaultValue: entry.type })}</Typography.Text>
              <Typography.Text type="secondary">
                {formatInstant(entry.occurredAt)}
                {actor ? <> · <Actor id={actor} employee={byEmployee} /></> : ''}
                {actingFor ? <> (<ActingFor id={actingFor} />)</> : ''}
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

function Actor({ id, employee }: { readonly id: string; readonly employee: boolean }) {
  const { t } = useTranslation('authorizations');
  const label = useEmployeeLabel(employee ? id : undefined);
  return <>{t('by', { actor: label ?? id })}</>;
}

function ActingFor({ id }: { readonly id: string }) {
  const { t } = useTranslation('authorizations');
  return <>{t('actingFor', { id: useEmployeeLabel(id) })}</>;
}
