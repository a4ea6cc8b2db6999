import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { lettersApi } from '../api/letters.api';
import { DailyNoticeSheet } from '../components/DailyNoticeSheet';
import { PrintShell } from '../components/PrintShell';

/** R-COM-1, issue 11 §6: the day's risk assessment and commitment notice on A4, for the gate. */
export function DailyNoticePrintPage() {
  const { t } = useI18n();
  const { enterpriseId = '', id = '' } = useParams();
  const notice = useApiQuery(['daily-notices', enterpriseId, 'one', id], (signal) => lettersApi.notice(enterpriseId, id, signal));
  if (notice.error) return <ErrorState error={notice.error} onRetry={notice.reload} />;
  if (!notice.data) return <PageLoading full />;
  const n = notice.data;
  return (
    <PrintShell title={`${t('dailyNotice.title')} · ${n.enterpriseName} · ${n.day}`} paper="A4" fallback="/letters/daily-notice">
      <DailyNoticeSheet n={n} scale={1.1} />
    </PrintShell>
  );
}
