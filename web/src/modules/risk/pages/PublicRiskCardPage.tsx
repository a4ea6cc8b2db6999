import { AlertOutlined } from '@ant-design/icons';
import { Result, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskCardApi } from '../api/risk-card.api';
import { PrintStyles } from '../components/PrintStyles';
import { RiskCardSheet } from '../components/RiskCardSheet';

/**
 * Where the same QR code files an accident quick report (issue 14 §4): the accidents module's public page, which
 * accepts a live risk-card token. A path, not an import, so that the two modules stay apart.
 */
export const publicAccidentReportPath = (token: string) => `/public/accident-report/${encodeURIComponent(token)}`;

/**
 * What a worker sees after scanning the QR code on a wall: the card, read-only, without login or app chrome, and a
 * way to report an accident at this post at once. A revoked or unknown token is simply "not found".
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
      {data && (
        <div className="no-print" style={{ maxWidth: 720, margin: '12px auto 0' }}>
          <Link to={publicAccidentReportPath(token)} data-testid="public-card-accident-report"
            style={{ display: 'block', textAlign: 'center', padding: '12px 16px', background: '#cf1322', color: '#fff', borderRadius: 6, fontSize: 17, fontWeight: 600 }}>
            <AlertOutlined /> {t('risk.card.reportAccident')}
          </Link>
          <p style={{ textAlign: 'center', color: '#595959', fontSize: 13, margin: '6px 0 0' }}>{t('risk.card.reportAccidentHint')}</p>
        </div>
      )}
      <p style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>{t('risk.card.publicNote')}</p>
    </div>
  );
}
