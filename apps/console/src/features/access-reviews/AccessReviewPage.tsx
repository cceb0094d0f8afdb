import { Alert, Descriptions, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { matterName, useCatalogue } from '../catalogue/api';
import { useNames } from '../stand-ins/people';
import { type AccessReview, type AccessReviewItem, useAccessReview, useDecideItem } from './api';
import { ItemDecision } from './ItemDecision';
import { ReviewProgress } from './ReviewProgress';
import { type Tone, ToneTag } from './ToneTag';

const OUTCOME_TONE: Readonly<Record<string, Tone>> = { kept: 'good', revoked: 'bad', unreviewed: 'warn', 'revoked-by-default': 'bad' };

/** Whether I decide this item now: its reviewer (or, for a grantee without a superior, a manager), never the grantee, while open. */
export function mayDecide(review: Pick<AccessReview, 'status' | 'overdue'>, item: AccessReviewItem, me: { readonly employeeId: string; readonly role: string } | undefined): boolean {
  if (!me || review.status !== 'open' || review.overdue || item.outcome !== null || item.employeeId === me.employeeId) return false;
  return item.reviewerId === null ? me.role === 'manager' : item.reviewerId === me.employeeId;
}

/** One campaign: progress, each grant with its outcome, deciding my items; after it closes, the results. */
export function AccessReviewPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('accessReviews');
  const me = useEmployee(readSession()?.employeeId);
  const review = useAccessReview(id);
  const decide = useDecideItem(id);
  const catalogue = useCatalogue();
  const items = review.data?.items ?? [];
  const name = useNames([...items.flatMap((item) => [item.employeeId, ...(item.reviewerId ? [item.reviewerId] : [])]), ...(review.data ? [review.data.startedBy] : [])]);
  const matter = (key: string) => {
    const found = catalogue.data?.matters.find((m) => m.id === key);
    return found ? matterName(found, i18n.language) : key;
  };
  const itemLabel = (item: AccessReviewItem) => `${name(item.employeeId)} · ${matter(item.matter)}`;
  const r = review.data;
  const mine = r ? items.filter((item) => mayDecide(r, item, me.data)) : [];
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{r ? t('campaign', { title: r.title }) : t('title')}</Typography.Title>
      <Typography.Paragraph>
        <Link to="/access-reviews">{t('back')}</Link>
      </Typography.Paragraph>
      <ProblemAlert error={review.error} />
      {review.isLoading && <Spin />}
      {r && (
        <>
          <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('summary')}</h2>}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'status', label: t('columns.status'), children: <ToneTag tone={r.status === 'open' ? (r.overdue ? 'warn' : 'info') : 'neutral'}>{r.status === 'open' && r.overdue ? t('overdue') : t(`status.${r.status}`)}</ToneTag> },
                { key: 'team', label: t('columns.team'), children: r.team ?? t('allTeams') },
                { key: 'matters', label: t('form.matters'), children: r.matters ? r.matters.map(matter).join('、') : t('allMatters') },
                { key: 'due', label: t('columns.dueAt'), children: formatInstant(r.dueAt) },
                { key: 'default', label: t('form.defaultDecision'), children: t(`decision.${r.defaultDecision}`) },
                { key: 'startedBy', label: t('columns.startedBy'), children: `${name(r.startedBy)} · ${formatInstant(r.startedAt)}` },
                { key: 'progress', label: t('columns.progress'), children: <ReviewProgress progress={r.progress} label={r.title} /> },
              ]}
            />
            {r.status === 'closed' && (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 16 }}
                title={t('closed')}
                description={t('results', { kept: items.filter((i) => i.outcome === 'kept').length, revoked: items.filter((i) => i.outcome === 'revoked').length, unreviewed: items.filter((i) => i.outcome === 'unreviewed').length, revokedByDefault: items.filter((i) => i.outcome === 'revoked-by-default').length })}
              />
            )}
            {r.status === 'open' && r.overdue && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('closing')} />}
            {r.status === 'open' && !r.overdue && me.data && <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>{mine.length > 0 ? t('yourItems', { count: mine.length }) : t('noItemsForYou')}</Typography.Paragraph>}
          </Panel>
          <ProblemAlert error={decide.error} />
          <Table
            rowKey="authorizationId"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('noItems')}</EmptyText> }}
            columns={[
              { title: t('columns.grantee'), key: 'grantee', render: (_, item) => name(item.employeeId) },
              { title: t('columns.matter'), key: 'matter', render: (_, item) => <Link to={`/authorizations/${item.authorizationId}`}>{matter(item.matter)}</Link> },
              { title: t('columns.reviewer'), key: 'reviewer', render: (_, item) => (item.reviewerId ? name(item.reviewerId) : t('anyManager')) },
              {
                title: r.status === 'closed' ? t('columns.result') : t('columns.decision'),
                key: 'outcome',
                render: (_, item) =>
                  item.outcome !== null ? (
                    <ToneTag tone={OUTCOME_TONE[item.outcome] ?? 'neutral'}>{t(`outcome.${item.outcome}`)}</ToneTag>
                  ) : mayDecide(r, item, me.data) ? (
                    <ItemDecision authorizationId={item.authorizationId} label={itemLabel(item)} pending={decide.isPending && decide.variables?.authorizationId === item.authorizationId} onDecide={(decision) => decide.mutate({ authorizationId: item.authorizationId, ...decision })} />
                  ) : (
                    <ToneTag tone="neutral">{t('outcome.undecided')}</ToneTag>
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
