import { useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { postLabel } from '../../org/api/post-label';
import { riskCardApi } from '../api/risk-card.api';
import { PrintFrame } from '../components/PrintFrame';
import type { Paper } from '../components/PrintStyles';
import { RiskCardSheet } from '../components/RiskCardSheet';

/**
 * A post's risk-notice card for the wall (A4 portrait), with its QR code and the full address under it. Managers may
 * revoke the code: the old one stops opening and a new one is printed.
 */
export function CardPrintPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { enterpriseId = '', postId = '' } = useParams();
  const [paper, setPaper] = useState<Paper>('A4-portrait');
  const card = useApiQuery(['risk', enterpriseId, 'card', postId], (signal) => riskCardApi.card(enterpriseId, postId, signal));
  const data = card.data;
  const setCard = card.setData;
  // Issuing and revoking answer with the card as it now is, which replaces the one on screen: no other view shows its code.
  const issue = useApiMutation((_: void) => riskCardApi.issue(enterpriseId, postId), { invalidates: [], onSuccess: setCard });
  const revoked = useApiMutation((_: void) => riskCardApi.revoke(enterpriseId, postId), {
    invalidates: [],
    onSuccess: (next) => {
      setCard(next);
      message.success(t('risk.card.revoked'));
    },
  });

  // A manager opening a card without a QR code issues one, with a POST (reading the card changes nothing).
  const needsIssue = !!data && !data.qr && data.canManage;
  const { run: runIssue } = issue;
  useEffect(() => {
    if (!needsIssue) return;
    runIssue().catch((e: unknown) => showError(e));
  }, [needsIssue, enterpriseId, postId, runIssue, showError]);

  const revoke = async () => {
    try {
      await revoked.run();
    } catch (e) {
      showError(e);
    }
  };

  const title = data ? `${postLabel(data.post)} ${t('risk.card.title')}` : t('risk.card.title');
  return (
    <PrintFrame
      title={title}
      paper={paper}
      onPaper={setPaper}
      fallback="/risk"
      extra={data?.canManage && data.qr && (
        <Popconfirm title={t('risk.card.revokeConfirm')} onConfirm={() => void revoke()} okButtonProps={{ danger: true }} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button danger icon={<ReloadOutlined />} loading={revoked.saving} data-testid="card-revoke">{t('risk.card.revoke')}</Button>
        </Popconfirm>
      )}
    >
      {card.error ? <ErrorState error={card.error} onRetry={card.reload} />
        : data ? <RiskCardSheet card={data} qr={data.qr ? { svg: data.qr.svg, fullUrl: data.qr.fullUrl } : null} />
          : <PageLoading />}
    </PrintFrame>
  );
}
