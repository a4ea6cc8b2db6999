import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { checksApi } from '../api/checks.api';
import { checklistWhere } from '../components/checklist-where';
import '../../../app/components/print-sheet.css';
import '../components/print.css';

/**
 * The printable checklist on A4; a post check card carries the QR code of its post's report page, so anyone at the
 * post can report a hazard from the card on the wall (R-HAZ-6). Result boxes are for ticking on paper.
 */
export function ChecklistPrintPage() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { data, error, loading, reload } = useApiQuery(['checklists', enterpriseId, 'print', id], (signal) => checksApi.print(enterpriseId, id, signal));
  usePageTitle(data?.title);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <PageLoading /> : null;
  const where = checklistWhere(data);
  return (
    <div data-testid="checklist-print-page">
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('checklist.printNow')}</Button>
      </Flex>
      <div className="print-sheet-doc checklist-sheet">
        <div className="sheet-head">
          <div style={{ flex: 1 }}>
            <h1>{data.title}</h1>
            <div className="sheet-sub">{t(`checklistLevel.${data.level}`)} · {data.enterpriseName}{where ? ` · ${where}` : ''}</div>
            {data.riskPoints.length > 0 && (
              <div>{t('checklist.riskPointsHere')}：{data.riskPoints.map((r) => `${r.code} ${r.name}${r.grade ? `（${tx(`printGrade.${r.grade}`, String(r.grade))}）` : ''}`).join('；')}</div>
            )}
          </div>
          {data.qr && (
            <div className="sheet-qr" data-testid="checklist-qr">
              <img alt={t('checklist.qrCaption')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qr.svg)}`} />
              {t('checklist.qrCaption')}
            </div>
          )}
        </div>
        <table>
          <thead>
            <tr>
              <th>{t('checklist.no')}</th>
              <th>{t('library.content')}</th>
              <th>{t('check.method')}</th>
              <th>{t('checklist.cycle')}</th>
              <th>{t('checklist.responsible')}</th>
              <th>{t('checklist.resultBoxes')}</th>
            </tr>
          </thead>
          <tbody>
            {data.groups.flatMap((g) => [
              <tr key={`g-${g.category}`} className="group-row"><td colSpan={6}>{g.category}</td></tr>,
              ...g.rows.map((r) => (
                <tr key={r.no}>
                  <td>{r.no}</td>
                  <td>{r.majorCriterion && <span className="major">【{t('check.majorCriterion')}】</span>}{r.content}</td>
                  <td>{r.method}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{r.cycle ? tx(`checkCycle.${r.cycle}`, r.cycle) : ''}</td>
                  <td>{r.responsible}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>□{t('checkResult.pass')} □{t('checkResult.fail')} □{t('checkResult.na')}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
        <div className="sheet-sign">
          <span>{t('checklist.signChecker')}：__________</span>
          <span>{t('checklist.signDate')}：__________</span>
          <span>{t('checklist.printedAt', { date: formatDate(data.printedAt) })}</span>
        </div>
      </div>
    </div>
  );
}
