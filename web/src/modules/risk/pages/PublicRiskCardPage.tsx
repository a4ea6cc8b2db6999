import { Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { SAFETY_TEXT } from '../../../app/palette';
import { useApi } from '../../../app/useApi';
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
  const card = useApi((signal) => riskCardApi.publicCard(token, signal), [token]);
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
          <>
            <RiskCardSheet card={data} />
            {data.enterpriseId && data.postId && (
              <div style={{ padding: 12, textAlign: 'center' }}>
                <a href={`/report?enterpriseId=${encodeURIComponent(data.enterpriseId)}&postId=${encodeURIComponent(data.postId)}`} data-testid="public-report-hazard"
                  style={{ display: 'inline-block', background: SAFETY_TEXT.red, color: '#fff', padding: '10px 28px', borderRadius: 6, fontSize: 16, fontWeight: 600 }}>
                  {t('risk.card.reportHazard')}
                </a>
                {/* Scanned at the post by whoever works there: their check tasks (after signing in), issue 10 §1. */}
                <a href={`/enterprises/${encodeURIComponent(data.enterpriseId)}/check-tasks`} data-testid="public-post-checks"
                  style={{ display: 'inline-block', marginLeft: 12, border: `1px solid ${SAFETY_TEXT.blue}`, color: SAFETY_TEXT.blue, padding: '9px 20px', borderRadius: 6, fontSize: 16 }}>
                  {t('risk.card.postChecks')}
                </a>
              </div>
            )}
          </>
        )}
      </div>
      <p style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>{t('risk.card.publicNote')}</p>
    </div>
  );
}
