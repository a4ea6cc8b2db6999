import { App, Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { cardAckQueries, riskCardAckApi, type MyRiskCard } from '../api/risk-card-ack.api';
import { PrintStyles } from '../components/PrintStyles';
import { RiskCardSheet } from '../components/RiskCardSheet';

/**
 * 我的岗位风险告知卡 (R-RISK-7, issue 12 §2), for a phone: the card of each of the person's posts, and confirming he
 * knows the risks of the content he read. A card changed meanwhile is refused (409) and shown again to be re-read.
 */
export function MyRiskCardsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['risk', 'my-cards'], (signal) => riskCardAckApi.mine(signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="risk-my-cards" style={{ maxWidth: 760 }}>
      <PrintStyles />
      <PageHeader title={t('risk.myCards.title')} />
      {data && data.items.length === 0 ? (
        <Card size="small"><Empty description={t('risk.myCards.empty')} /></Card>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {loading && !data && <Card loading />}
          {(data?.items ?? []).map((item) => <MyCard key={item.card.post.id} item={item} onReload={reload} />)}
        </Space>
      )}
    </div>
  );
}

function MyCard({ item, onReload }: { item: MyRiskCard; onReload: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const { message } = App.useApp();
  const postId = item.card.post.id;
  const ack = useApiMutation(() => riskCardAckApi.acknowledge(postId, item.card.contentSha256), {
    invalidates: cardAckQueries(),
    onSuccess: () => { void message.success(t('risk.myCards.acked')); },
  });
  // A card changed since it was read (409 STALE_CARD): the person is told so, and reloading shows the new content.
  const acknowledge = () => ack.run(undefined).catch((e: unknown) => showError(e, { onConflict: onReload }));
  return (
    <Card size="small" data-testid="risk-my-card"
      title={<Space wrap><span>{item.card.post.name}</span>{item.acknowledgedAt
        ? <Tag color="success">{t('risk.myCards.done')}</Tag>
        : <Tag color="warning">{t(item.changedSinceAck ? 'risk.myCards.changed' : 'risk.myCards.pending')}</Tag>}</Space>}>
      {item.changedSinceAck && !item.acknowledgedAt && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('risk.myCards.changedHint')} />}
      <div className="rp-sheet"><RiskCardSheet card={item.card} /></div>
      <div style={{ marginTop: 12 }}>
        {item.acknowledgedAt
          ? <Typography.Text type="success" data-testid="risk-my-card-acked">{t('risk.myCards.ackedAt', { at: formatDateTime(item.acknowledgedAt) })}</Typography.Text>
          : <Button type="primary" block size="large" loading={ack.saving} onClick={() => void acknowledge()} data-testid="risk-card-acknowledge">{t('risk.myCards.ack')}</Button>}
      </div>
    </Card>
  );
}
