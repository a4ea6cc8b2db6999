import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi, GRADES } from '../api/duties.api';
import '../../../app/components/print-sheet.css';
import '../components/duty-print.css';

/** 考核结果公示: the notice every employee reads during its period, printable on A4. Readable at phone width. */
export function DutyNoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'campaigns', id, 'notice'], (signal) => dutiesApi.notice(enterpriseId, id, signal));
  usePageTitle(data ? t('dutyNotice.title', { name: data.name }) : undefined);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <PageLoading /> : null;
  return (
    <div data-testid="duty-notice-page">
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('dutyPublication.printNow')}</Button>
      </Flex>
      {data.status !== 'published' && <Alert className="no-print" type="warning" showIcon style={{ marginBottom: 12 }} message={t('dutyNotice.preview')} />}
      <div className="print-sheet-doc duty-sheet">
        <h1>{t('dutyNotice.title', { name: data.name })}</h1>
        <div className="sheet-sub">
          {data.enterpriseName}
          {data.publishFrom && data.publishTo ? ` · ${t('dutyNotice.period', { from: formatDate(data.publishFrom), to: formatDate(data.publishTo) })}` : ''}
        </div>
        <p>{t('dutyNotice.lead', { count: data.rows.length })}{GRADES.map((g) => t('dutyNotice.gradeCount', { grade: t(`dutyGrade.${g}`), n: data.byGrade[g] })).join(t('dutyReview.listSep'))}</p>
        <div style={{ overflowX: 'auto' }}>
          <table>
            <thead>
              <tr><th>{t('dutyItem.no')}</th><th>{t('dutyAssess.person')}</th><th>{t('dutyCoverage.unit')}</th><th>{t('dutyAssign.post')}</th><th>{t('dutyAssess.score')}</th><th>{t('dutyAssess.grade')}</th></tr>
            </thead>
            <tbody>
              {data.rows.map((r, n) => (
                <tr key={r.employeeId}>
                  <td>{n + 1}</td><td>{r.name}</td><td>{r.unitName}</td><td>{r.postNames.join('、')}</td>
                  <td>{r.total === null ? '' : `${r.total} / ${r.maxPoints ?? ''}`}</td><td>{r.grade ? t(`dutyGrade.${r.grade}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p style={{ marginTop: 16 }}>{t('dutyNotice.objection')}</p>
        <div className="sheet-sign"><span>{data.enterpriseName}</span><span>{data.publishedAt ? formatDate(data.publishedAt) : ''}</span></div>
      </div>
    </div>
  );
}
