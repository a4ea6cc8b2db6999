import { useState } from 'react';
import { Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { lettersApi } from '../api/letters.api';
import { CommitmentSheet } from '../components/CommitmentSheet';
import { PrintShell, type Paper } from '../components/PrintShell';

/**
 * R-COM-1: the signed commitment as a poster for where staff see it, A4 or A3 portrait, with the QR code of its public
 * page and the address under it (always on the configured public address, never the browser's).
 */
export function CommitmentPosterPage() {
  const { t } = useI18n();
  const { enterpriseId = '', id = '' } = useParams();
  const [paper, setPaper] = useState<Paper>('A3');
  const poster = useApiQuery(['commitments', enterpriseId, 'poster', id], (signal) => lettersApi.poster(enterpriseId, id, signal));
  if (poster.error) return <ErrorState error={poster.error} onRetry={poster.reload} />;
  if (!poster.data) return <PageLoading full />;
  const c = poster.data.commitment;
  return (
    <PrintShell title={`${t('commitment.title')} · ${c.enterpriseName}`} paper={paper} onPaper={setPaper} fallback="/letters/commitment">
      <CommitmentSheet c={c} qr={poster.data.qr} scale={paper === 'A3' ? 1.35 : 1} />
      <Typography.Paragraph style={{ textAlign: 'center', fontSize: 10, fontFamily: 'monospace', wordBreak: 'break-all', margin: 0 }}>{poster.data.qr.fullUrl}</Typography.Paragraph>
    </PrintShell>
  );
}
