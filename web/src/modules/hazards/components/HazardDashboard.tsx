import { Card, Col, Row, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { EnterpriseStats } from '../api/hazard-stats.api';
import type { HazardLevel, HazardStatus } from '../api/hazards.api';
import { HazardChart } from './HazardChart';
import { HazardFlags } from './HazardFlags';
import { HazardLevelTag } from './HazardLevelTag';
import { HazardStatusTag } from './HazardStatusTag';
import { LeaderboardCard } from './LeaderboardCard';
import { RateCard } from './RateCard';
import { trendLabels } from './trend-labels';
import { StatTile } from './StatTile';
import { LEVEL_HEX, STATUS_HEX } from './status-style';

/** Tiles that open the lists they count, the two rates, the charts, the leaderboard and the overdue list. */
export function HazardDashboard({ stats: s }: { stats: EnterpriseStats }) {
  const { t, tx } = useI18n();
  const tiles = [
    { key: 'found', value: s.totals.found, link: '/hazards' },
    { key: 'foundMajor', value: s.totals.foundMajor, link: '/hazards?level=major' },
    { key: 'closed', value: s.totals.closed, link: '/hazards?status=closed' },
    { key: 'open', value: s.totals.open, link: '/hazards?status=open' },
    { key: 'overdue', value: s.totals.overdue, link: '/hazards?tab=overdue' },
    { key: 'majorOpen', value: s.totals.majorOpen, link: '/hazards?tab=major' },
  ] as const;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={8} xl={4}>
            <StatTile title={t(`stats.${tile.key}`)} value={tile.value} link={tile.link} counts={tile.key} testId={`hazard-stat-${tile.key}`} />
          </Col>
        ))}
        <Col xs={24} md={12}><RateCard title={t('stats.rectificationRate')} definition={t('stats.rectificationRateDef')} rate={s.rectificationRate} testId="hazard-rate-rectification" /></Col>
        <Col xs={24} md={12}><RateCard title={t('stats.onTimeRate')} definition={t('stats.onTimeRateDef')} rate={s.onTimeRate} testId="hazard-rate-ontime" /></Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <HazardChart
            testId="chart-trend"
            title={t('stats.trend')}
            kind="line"
            labels={trendLabels(s.trend.map((p) => p.month), s.asOf, t)}
            series={[{ key: 'found', name: t('stats.found'), values: s.trend.map((p) => p.found) }, { key: 'closed', name: t('stats.closed'), values: s.trend.map((p) => p.closed) }]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <HazardChart testId="chart-status" title={t('stats.byStatus')} kind="pie" labels={s.byStatus.map((b) => tx(`hazardStatus.${b.key}`, b.key))} colours={s.byStatus.map((b) => STATUS_HEX[b.key])} series={[{ key: 'total', name: '', values: s.byStatus.map((b) => b.count) }]} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <HazardChart testId="chart-level" title={t('stats.byLevel')} kind="pie" labels={s.byLevel.map((b) => tx(`hazardLevel.${b.key}`, b.key))} colours={s.byLevel.map((b) => LEVEL_HEX[b.key])} series={[{ key: 'total', name: '', values: s.byLevel.map((b) => b.count) }]} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <HazardChart testId="chart-source" title={t('stats.bySource')} kind="pie" labels={s.bySource.map((b) => tx(`hazardSource.${b.key}`, b.key))} series={[{ key: 'total', name: '', values: s.bySource.map((b) => b.count) }]} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <HazardChart testId="chart-class" title={t('stats.byClass')} kind="pie" labels={s.byClass.map((b) => tx(`hazardClass.${b.key}`, t('stats.unclassified')))} series={[{ key: 'total', name: '', values: s.byClass.map((b) => b.count) }]} />
        </Col>
        <Col xs={24} lg={12}>
          <HazardChart testId="chart-unit" title={t('stats.byUnit')} kind="bar" labels={s.byUnit.map((u) => u.name)} series={[{ key: 'found', name: t('stats.found'), values: s.byUnit.map((u) => u.count) }]} />
        </Col>
        <Col xs={24} lg={12}>
          <LeaderboardCard enterpriseId={s.enterpriseId} />
        </Col>
      </Row>
      <Card size="small" title={t('stats.overdueList')} data-testid="hazard-overdue-list">
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={s.overdue}
          columns={[
            { key: 'code', dataIndex: 'code', title: t('hazard.code'), render: (v: string, h) => <Link to={`/enterprises/${s.enterpriseId}/hazards/${h.id}`}>{v}</Link> },
            { key: 'title', dataIndex: 'title', title: t('hazard.title'), render: (v: string, h) => <><Typography.Text>{v}</Typography.Text> <HazardFlags hazard={{ overdue: false, escalationLevel: h.escalationLevel, supervised: h.supervised }} /></> },
            { key: 'level', dataIndex: 'level', title: t('hazard.level'), render: (v: HazardLevel) => <HazardLevelTag level={v} /> },
            { key: 'status', dataIndex: 'status', title: t('hazard.status'), render: (v: HazardStatus) => <HazardStatusTag status={v} /> },
            { key: 'unit', dataIndex: 'orgUnitName', title: t('hazard.orgUnit') },
            { key: 'rectifier', dataIndex: 'rectifierName', title: t('hazard.rectifier'), render: (v: string | null) => v ?? '—' },
            { key: 'deadline', dataIndex: 'deadline', title: t('hazard.deadline'), render: (v: string) => formatDate(v) },
            { key: 'days', dataIndex: 'daysOverdue', title: t('stats.daysOverdue'), render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}
