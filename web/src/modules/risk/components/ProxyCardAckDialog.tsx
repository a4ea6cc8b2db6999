import { App, Button, Drawer, Empty, Grid, Modal, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { cardAckQueries, riskCardAckApi } from '../api/risk-card-ack.api';
import { riskCardApi } from '../api/risk-card.api';
import { PrintStyles } from './PrintStyles';
import { RiskCardSheet } from './RiskCardSheet';

/**
 * The shared device (R-RISK-7, issue 12 §2): a manager or unit leader chooses a post with people without an account
 * still to acknowledge its card; the person reads the card on this device, then draws a signature and types the last
 * four of his ID number (the platform's signing dialog). What is acknowledged is the content shown.
 */
export function ProxyCardAckDialog({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const pending = useApiQuery(['risk', enterpriseId, 'card-acks', 'pending'], (signal) => riskCardAckApi.pending(enterpriseId, signal));
  const [postId, setPostId] = useState<string | undefined>();
  const [reading, setReading] = useState<string | null>(null);
  const posts = useMemo(() => {
    const byPost = new Map<string, { value: string; label: string; count: number }>();
    for (const p of pending.data ?? []) {
      const o = byPost.get(p.postId) ?? { value: p.postId, label: `${p.postName}（${p.postUnitPath}）`, count: 0 };
      o.count++;
      byPost.set(p.postId, o);
    }
    return [...byPost.values()];
  }, [pending.data]);
  if (reading) return <CardReader enterpriseId={enterpriseId} postId={reading} onClose={() => setReading(null)} />;
  return (
    <Modal open title={t('risk.cardAcks.proxyTitle')} onCancel={onClose} data-testid="risk-card-proxy-pick"
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" disabled={!postId} onClick={() => setReading(postId ?? null)} data-testid="risk-card-proxy-open">{t('risk.cardAcks.proxyRead')}</Button>,
      ]}>
      {pending.error ? <ErrorState error={pending.error} onRetry={pending.reload} /> : !pending.data ? <Skeleton active /> : posts.length === 0 ? (
        <Empty description={t('risk.cardAcks.proxyNone')} />
      ) : (
        <Select style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} value={postId} onChange={setPostId} placeholder={t('risk.card.pickPost')}
          options={posts.map((p) => ({ value: p.value, label: `${p.label} · ${t('risk.cardAcks.proxyCount', { n: p.count })}` }))} data-testid="risk-card-proxy-post" />
      )}
    </Modal>
  );
}

/** The card as the person reads it on the device, then the signing dialog for the people of the post still to confirm. */
function CardReader({ enterpriseId, postId, onClose }: { enterpriseId: string; postId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const card = useApiQuery(['risk', enterpriseId, 'card-acks', 'card', postId], (signal) => riskCardApi.card(enterpriseId, postId, signal));
  const pending = useApiQuery(['risk', enterpriseId, 'card-acks', 'pending'], (signal) => riskCardAckApi.pending(enterpriseId, signal));
  const [signing, setSigning] = useState(false);
  const people = (pending.data ?? []).filter((p) => p.postId === postId);
  const record = useApiMutation((o: SignOutcome) => {
    if (o.method !== 'proxy_pad' || !card.data?.contentSha256) throw new Error('proxy only');
    return riskCardAckApi.proxyAck(enterpriseId, {
      postId, employeeId: o.employeeId, contentSha256: card.data.contentSha256, idLast4: o.idLast4, imageAttachmentId: o.imageAttachmentId, device: o.device,
    });
  }, { invalidates: cardAckQueries(enterpriseId), onSuccess: () => { void message.success(t('risk.myCards.acked')); } });
  return (
    <Drawer open onClose={onClose} width={screens.md ? 760 : '100%'} title={t('risk.cardAcks.proxyTitle')} data-testid="risk-card-proxy-reader"
      footer={people.length > 0 && card.data && (
        <Button type="primary" block size="large" onClick={() => setSigning(true)} data-testid="risk-card-proxy-sign">{t('risk.cardAcks.proxySign')}</Button>
      )}>
      <PrintStyles />
      {card.error ? <ErrorState error={card.error} onRetry={card.reload} /> : !card.data ? <Skeleton active /> : (
        <div className="rp-sheet"><RiskCardSheet card={card.data} /></div>
      )}
      {pending.data && people.length === 0 && <Empty style={{ marginTop: 16 }} description={t('risk.cardAcks.proxyNone')} />}
      {signing && card.data && (
        <SignDialog enterpriseId={enterpriseId} mode="other" title={t('risk.cardAcks.proxyTitle')} intro={`${card.data.post.name} · ${t('risk.myCards.ack')}`}
          people={people.map((p) => ({ id: p.employeeId, name: p.name, hint: p.orgUnitName }))}
          onSign={async (o) => { await record.run(o); setSigning(false); }} onClose={() => setSigning(false)} />
      )}
    </Drawer>
  );
}
