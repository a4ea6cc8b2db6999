import { Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskCardApi } from '../api/risk-card.api';
import { PrintStyles } from '../components/PrintStyles';
import { RiskCardSheet } from '../components/RiskCardSheet';

/**
 * What a worker sees after scanning the QR code on a wall: the card, read-only, without login or app chrome.
 * A revoked or unknown token is simply "not found".
 */
export function PublicRiskCardPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const card = useApiQuery(['risk', 'public-card', token], (signal) => riskCardApi.publicCard(token, signal));
  const data = card.data;
  return (
    <div style={{ background: '#eef1f5', minHeight: '100vh', padding: 12 }} data-testid="public-risk-card">
      <PrintStyles />
      <div style={{ maxWidth: 720, margin: '0 auto', background: '#fff' }} className="rp-sheet">
        {card.error ? (
          <Result status={card.error.code === 'NOT_FOUND' ? '404' : 'error'} title={card.error.code === 'NOT_FOUND' ? t('risk.card.notFound') : card.error.message} />
        ) : !data ? (
          <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>
        ) : (
          <RiskCardSheet card={data} />
        )}
      </div>
      <p style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>{t('risk.card.publicNote')}</p>
    </div>
  );
}
