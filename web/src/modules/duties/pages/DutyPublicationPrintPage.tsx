import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi } from '../api/duties.api';
import { publicationSections } from './DutyPublicationPage';
import '../../../app/components/print-sheet.css';
import '../components/duty-print.css';

/** The published lists on A4 (公示): one table per post, department or person, to post on the wall. */
export function DutyPublicationPrintPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [params] = useSearchParams();
  const mine = params.get('mine') === 'true';
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'publication', mine], (signal) => dutiesApi.publication(enterpriseId, mine ? { mine: 'true' } : {}, signal));
  usePageTitle(t('dutyPublication.printTitle'));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <PageLoading /> : null;
  return (
    <div data-testid="duty-publication-print-page">
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('dutyPublication.printNow')}</Button>
      </Flex>
      <div className="print-sheet-doc duty-sheet">
        <h1>{t('dutyPublication.printTitle')}</h1>
        <div className="sheet-sub">{data.enterpriseName} · {t('dutyPublication.asOfShort', { date: formatDate(data.asOf) })}</div>
        {publicationSections(data, t).map((s) => (
          <section key={s.key} className="duty-section">
            <h2>{s.title}</h2>
            <div className="sheet-sub">{s.sub} · {t('dutyList.versionN', { version: s.list.version })} · {t('dutyPublication.effective', { date: formatDate(s.list.effectiveOn) })}</div>
            <table>
              <thead>
                <tr><th>{t('dutyItem.no')}</th><th>{t('dutyItem.content')}</th><th>{t('dutyItem.scope')}</th><th>{t('dutyItem.criterion')}</th><th>{t('dutyItem.points')}</th><th>{t('dutyItem.source')}</th></tr>
              </thead>
              <tbody>
                {s.list.items.map((i, n) => (
                  <tr key={n}><td>{n + 1}</td><td>{i.content}</td><td>{i.scope}</td><td>{i.criterion}</td><td>{i.points}</td><td>{i.source}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}
