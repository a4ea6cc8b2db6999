import { Card, Col, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../../app/useApi';
import { trainingApi, type PersonShortfall } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

/**
 * R-TRN-1: the enterprise's figures (people, shortfalls, hours, legal-education coverage), the counts per unit and the
 * list of who is short (required, done, missing, re-training due), each name opening the person's archive.
 */
export function ShortfallCard({ enterpriseId, archiveLinks = true }: { enterpriseId: string; archiveLinks?: boolean }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const o = useApiQuery(['training', enterpriseId, 'overview'], (signal) => trainingApi.overview(enterpriseId, signal));
  const s = useApiQuery(['training', enterpriseId, 'shortfalls', all], (signal) => trainingApi.shortfalls(enterpriseId, all, signal));
  const d = o.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="training-shortfalls">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('training.people')} value={d?.people ?? 0} loading={o.loading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('training.shortfallPeople')} value={d?.shortfallPeople ?? 0} valueStyle={{ color: d?.shortfallPeople ? '#cf1322' : undefined }} loading={o.loading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('training.hoursThisYear')} value={d?.hoursThisYear ?? 0} loading={o.loading} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('training.legalCoverage')} value={d?.legalEducation.rate ?? '—'} suffix={d?.legalEducation.rate == null ? undefined : '%'} loading={o.loading} />
            {d && <Typography.Text type="secondary">{t('training.legalCoverageOf', { covered: d.legalEducation.covered, people: d.legalEducation.people })}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      {d?.highRisk && <Tag color="orange">{t('training.highRisk')}</Tag>}
      <Card size="small" title={t('training.byUnit')}>
        <Table rowKey="orgUnitId" size="small" pagination={false} dataSource={d?.byUnit ?? []} scroll={{ x: true }}
          columns={[
            { title: t('training.unit'), dataIndex: 'name' },
            { title: t('training.people'), dataIndex: 'people' },
            { title: t('training.shortfallPeople'), dataIndex: 'shortfall', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
            { title: t('training.legalCoverage'), dataIndex: 'legalCovered' },
          ]} />
      </Card>
      <Card size="small" title={t('training.tab.overview')} extra={<Space><span>{t('training.showAll')}</span><Switch checked={all} onChange={setAll} /></Space>}>
        <Table<PersonShortfall> rowKey="employeeId" size="small" loading={s.loading} dataSource={s.data?.items ?? []} scroll={{ x: true }}
          locale={{ emptyText: t('training.noShortfall') }} pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('training.col.name'), dataIndex: 'name', render: (name: string, r) => (archiveLinks ? <Link to={`/training/people/${r.employeeId}`}>{name}</Link> : name) },
            { title: t('training.unit'), dataIndex: 'unitName' },
            { title: t('training.col.role'), dataIndex: 'roleName' },
            { title: t('training.col.phase'), dataIndex: 'phase', render: (p: 'initial' | 'yearly') => t(`training.phase.${p}`) },
            { title: t('training.col.required'), dataIndex: 'required' },
            { title: t('training.col.done'), dataIndex: 'done' },
            { title: t('training.col.missing'), dataIndex: 'missing', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
            { title: t('training.col.retraining'), dataIndex: 'openRetraining', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : null) },
          ]} />
      </Card>
    </Space>
  );
}
