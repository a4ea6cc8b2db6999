import { Button, Card, Progress, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskCardAckApi, type CardAckFigure as Figure } from '../api/risk-card-ack.api';
import { ProxyCardAckDialog } from './ProxyCardAckDialog';

type Row = Figure['byUnit'][number] | Figure['byPost'][number];

/**
 * R-RISK-7, issue 12 §2: "every employee knows the risks of his post" as a figure — people on posts with a card who
 * acknowledged the current card of each such post — for the enterprise, by unit and by post (a unit leader: his
 * branch). Those who run the shared device record the acknowledgement of people without an account from here.
 */
export function CardAckFigure({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['risk', enterpriseId, 'card-acks', 'figure'], (signal) => riskCardAckApi.figure(enterpriseId, signal));
  const [recording, setRecording] = useState(false);
  const rate = (r: { rate: number | null }) => (r.rate === null ? '—' : `${r.rate}%`);
  const columns = (first: string) => [
    { key: 'name', title: first, render: (_: unknown, r: Row) => ('postId' in r ? <span>{r.name}<Typography.Text type="secondary"> · {r.unitPath}</Typography.Text></span> : r.unitPath || r.name) },
    { key: 'people', dataIndex: 'people', title: t('risk.cardAcks.people'), width: 96 },
    { key: 'acknowledged', dataIndex: 'acknowledged', title: t('risk.cardAcks.acknowledged'), width: 96 },
    { key: 'rate', title: t('risk.cardAcks.rate'), width: 160, render: (_: unknown, r: Row) => (r.rate === null ? '—' : <Progress percent={r.rate} size="small" />) },
  ];
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('risk.cardAcks.title')} loading={loading && !data} data-testid="risk-card-acks"
      extra={data?.canRecord && <Button onClick={() => setRecording(true)} data-testid="risk-card-proxy">{t('risk.cardAcks.proxy')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space size="large" wrap>
            <Statistic title={t('risk.cardAcks.rate')} value={rate(data)} data-testid="risk-card-acks-rate" />
            <Statistic title={t('risk.cardAcks.acknowledged')} value={data.acknowledged} suffix={`/ ${data.people}`} />
          </Space>
          <Typography.Text type="secondary">{t('risk.cardAcks.hint')}</Typography.Text>
          <Tabs size="small" items={[
            { key: 'unit', label: t('risk.cardAcks.byUnit'), children: <Table<Row> size="small" rowKey="orgUnitId" pagination={false} dataSource={data.byUnit} columns={columns(t('risk.orgUnit'))} /> },
            { key: 'post', label: t('risk.cardAcks.byPost'), children: <Table<Row> size="small" rowKey="postId" pagination={false} dataSource={data.byPost} columns={columns(t('risk.cardAcks.post'))} /> },
          ]} />
        </Space>
      )}
      {recording && <ProxyCardAckDialog enterpriseId={enterpriseId} onClose={() => setRecording(false)} />}
    </Card>
  );
}
