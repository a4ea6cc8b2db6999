import { Alert, Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { lettersApi } from '../api/letters.api';
import { CommitmentSheet } from '../components/CommitmentSheet';

/**
 * What anyone sees after scanning the QR code on the posted commitment (R-COM-1): the commitment, its date and the
 * enterprise, read-only, without login or app chrome. An unknown token is simply "not found".
 */
export function PublicCommitmentPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const page = useApiQuery(['commitments', 'public', token], (signal) => lettersApi.publicCommitment(token, signal));
  const data = page.data;
  return (
    <div style={{ background: '#eef1f5', minHeight: '100vh', padding: 12 }} data-testid="public-commitment">
      <div style={{ maxWidth: 760, margin: '0 auto' }}>
        {page.error ? (
          <Result status={page.error.code === 'NOT_FOUND' ? '404' : 'error'} title={page.error.code === 'NOT_FOUND' ? t('commitment.public.notFound') : page.error.message} />
        ) : !data ? (
          <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>
        ) : (
          <>
            {data.superseded && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('commitment.public.superseded')} />}
            <CommitmentSheet c={data} />
          </>
        )}
      </div>
      <p style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>{t('commitment.public.note')}</p>
    </div>
  );
}
