import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ForwardedAggregate, PointFigures } from '../api/risk-report.api';
import { GRADES } from './grade-style';
import { ReportStatusTag } from './ReportStatusTag';

/** One subdistrict's forwarded aggregate: attendance and figures by industry, its grade-1 points, who did not submit. */
export function AggregateView({ item }: { item: ForwardedAggregate }) {
  const { t } = useI18n();
  const a = item.aggregate;
  const grades = (p: PointFigures) => GRADES.map((g) => `${t(`risk.gradeShort.${g}`)} ${p.byGrade[g]}`).join(' / ');
  return (
    <Card size="small" title={t('risk.reports.forwardedAt', { name: item.subdistrictName, at: formatDateTime(item.forwardedAt) })} data-testid="risk-aggregate">
      <Flex vertical gap={12}>
        <Typography.Text>{t('risk.reports.counts', { enterprises: a.totals.enterprises, submitted: a.totals.submitted, onTime: a.totals.onTime, late: a.totals.late, notSubmitted: a.totals.notSubmitted })}</Typography.Text>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('risk.overview.points')}>{a.totals.points.total}</Descriptions.Item>
          <Descriptions.Item label={t('risk.gradeLabel')}>{grades(a.totals.points)}</Descriptions.Item>
          <Descriptions.Item label={t('risk.report.majorHazardSources')}>{a.totals.points.majorHazardSources}</Descriptions.Item>
        </Descriptions>
        <Typography.Text strong>{t('risk.reports.byIndustry')}</Typography.Text>
        <Table
          size="small"
          rowKey="industryCode"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={a.byIndustry}
          columns={[
            { key: 'industry', dataIndex: 'industryName', title: t('enterprise.industry') },
            { key: 'enterprises', dataIndex: 'enterprises', title: t('risk.overview.enterprises') },
            { key: 'submitted', dataIndex: 'submitted', title: t('risk.reportStatus.submitted') },
            { key: 'notSubmitted', dataIndex: 'notSubmitted', title: t('risk.reportStatus.notSubmitted') },
            { key: 'points', title: t('risk.overview.points'), render: (_, r) => r.points.total },
            { key: 'grades', title: t('risk.gradeLabel'), render: (_, r) => grades(r.points) },
          ]}
        />
        {a.grade1.length > 0 && (
          <>
            <Typography.Text strong>{t('risk.report.grade1')}</Typography.Text>
            <Flex wrap gap={6}>
              {a.grade1.map((g) => <Tag key={g.id} color="red"><Link to={`/risk/overview/${g.enterpriseId}`}>{g.enterpriseName}</Link> · {g.code} {g.name}</Tag>)}
            </Flex>
          </>
        )}
        {a.nonSubmitters.length > 0 && (
          <>
            <Typography.Text strong>{t('risk.reports.nonSubmitters')}</Typography.Text>
            <Flex wrap gap={6}>
              {a.nonSubmitters.map((n) => <span key={n.enterpriseId}>{n.enterpriseName} <ReportStatusTag status={n.status} /></span>)}
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
