import { Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { districtYear, formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { followupApi } from '../api/followup.api';

const followup = (enterpriseId: string, accidentId: string) => `/enterprises/${enterpriseId}/accidents/${accidentId}/followup`;

/**
 * 事故约谈台账 (R-RESP-8): the accidents awaiting the principal's interview in the caller's scope with their due days,
 * the interviews held in the year, and the rate per department (the district admin sees every department).
 */
export function AccidentInterviewsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(districtYear());
  const exporter = useExport();
  const { data, error, loading, reload } = useApiQuery(['accident-interviews', year], (signal) => followupApi.board(year, signal));
  return (
    <div data-testid="accident-interviews-page">
      <PageHeader title={t('accidentFollowup.board.title')} extra={(
        <Space>
          <span>{t('accidentFollowup.board.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
          <Button loading={exporter.exporting} onClick={() => exporter.start((onProgress) => followupApi.exportBoard(year, onProgress))}>{t('accidentFollowup.board.export')}</Button>
        </Space>
      )} />
      {data && <Typography.Paragraph type="secondary">{t('accidentFollowup.board.hint', { days: data.days })}</Typography.Paragraph>}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('accidentFollowup.board.rates')} size="small">
            <Table rowKey="departmentId" size="small" loading={loading} pagination={false} dataSource={data?.rates ?? []} scroll={{ x: true }} columns={[
              { key: 'd', title: t('accidentFollowup.board.department'), dataIndex: 'departmentName' },
              { key: 'w', title: t('accidentFollowup.board.withAccidents'), dataIndex: 'withAccidents' },
              { key: 'i', title: t('accidentFollowup.board.interviewed'), dataIndex: 'interviewed' },
              { key: 'r', title: t('accidentFollowup.board.rate'), render: (_, r) => (r.rate === null ? '—' : <Tag color={r.rate >= 1 ? 'green' : 'red'}>{Math.round(r.rate * 1000) / 10}%</Tag>) },
            ]} />
          </Card>
          <Card title={t('accidentFollowup.board.due')} size="small">
            <Table rowKey="accidentId" size="small" loading={loading} dataSource={data?.due ?? []} scroll={{ x: true }} data-testid="interviews-due" columns={[
              { key: 'e', title: t('accidentFollowup.board.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'a', title: t('accidentFollowup.board.accident'), render: (_, d) => <Link to={followup(d.enterpriseId, d.accidentId)}>{d.summary}</Link> },
              { key: 'r', title: t('accidentFollowup.receivedAt'), render: (_, d) => formatDateTime(d.receivedAt) },
              { key: 'due', title: t('accidentFollowup.board.dueOn'), render: (_, d) => <Space>{formatDate(d.dueOn)}{d.overdue && <Tag color="red">{t('accidentFollowup.board.overdue')}</Tag>}</Space> },
            ]} />
          </Card>
          <Card title={t('accidentFollowup.board.done')} size="small">
            <Table rowKey="id" size="small" loading={loading} dataSource={data?.done ?? []} scroll={{ x: true }} columns={[
              { key: 'e', title: t('accidentFollowup.board.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'h', title: t('accidentFollowup.heldAt'), render: (_, i) => formatDateTime(i.heldAt) },
              { key: 'p', title: t('accidentFollowup.principalName'), dataIndex: 'principalName' },
              { key: 'o', title: t('accidentFollowup.office'), render: (_, i) => i.departmentName ?? '—' },
              { key: 'm', title: t('accidentFollowup.board.accident'), render: (_, i) => (
                <Space wrap>
                  {i.accidentIds.map((a, n) => <Link key={a} to={followup(i.enterpriseId, a)}>{t('accidentFollowup.board.open')}{i.accidentIds.length > 1 ? ` ${n + 1}` : ''}</Link>)}
                  {i.merged && <Tag color="blue">{t('accidentFollowup.merged', { n: i.accidentIds.length })}</Tag>}
                </Space>
              ) },
            ]} />
          </Card>
        </Space>
      )}
    </div>
  );
}
