import { useState } from 'react';
import { Card, Descriptions, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskReportApi, type ForwardedAggregate, type PointFigures } from '../api/risk-report.api';
import { GRADES } from './grade-style';
import { ReportStatusTag } from './ReportStatusTag';

/**
 * One subdistrict's forwarded aggregate: attendance and figures by industry, its grade-1 points, who did not submit.
 * It opens on the latest version; each earlier version can be opened as it was forwarded (locked).
 */
export function AggregateView({ item: latest }: { item: ForwardedAggregate }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState(latest.version);
  const earlier = useApiQuery(
    ['risk', 'reports', 'aggregates', latest.year, latest.subdistrictId, picked],
    (signal) => riskReportApi.aggregateVersion(latest.year, latest.subdistrictId, picked, signal),
    picked !== latest.version,
  );
  const item = picked === latest.version ? latest : earlier.data?.version === picked ? earlier.data : null;
  const current = picked === latest.latestVersion;
  const title = (
    <Flex gap={8} align="center" wrap>
      <span>{t('risk.reports.forwardedAt', { name: latest.subdistrictName, at: formatDateTime(item?.forwardedAt ?? latest.forwardedAt) })}</span>
      <Tag color={current ? 'blue' : 'default'} data-testid="aggregate-version" data-version={picked}>
        {t('risk.reports.version', { version: picked })} · {t(current ? 'risk.reports.currentVersion' : 'risk.reports.earlierVersion')}
      </Tag>
    </Flex>
  );
  const versions = latest.versions.length > 1 && (
    <Select
      size="small"
      value={picked}
      onChange={(v: number) => setPicked(v)}
      style={{ minWidth: 200 }}
      options={latest.versions.map((v) => ({ value: v.version, label: t('risk.reports.versionOption', { version: v.version, at: formatDateTime(v.forwardedAt) }) }))}
      data-testid="aggregate-versions"
    />
  );
  return (
    <Card size="small" title={title} extra={versions} data-testid="risk-aggregate">
      {item ? <AggregateBody item={item} /> : earlier.error ? <ErrorState error={earlier.error} onRetry={earlier.reload} /> : <Spin />}
    </Card>
  );
}

function AggregateBody({ item }: { item: ForwardedAggregate }) {
  const { t } = useI18n();
  const a = item.aggregate;
  const grades = (p: PointFigures) => GRADES.map((g) => `${t(`risk.gradeShort.${g}`)} ${p.byGrade[g]}`).join(' / ');
  return (
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
      {item.sha256 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} copyable={{ text: item.sha256 }}>
          {t('submission.hash')} {item.sha256}
        </Typography.Text>
      )}
    </Flex>
  );
}
