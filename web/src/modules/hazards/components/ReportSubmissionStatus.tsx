import { Col, Flex, Row, Select, Statistic, Tag, Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { MEANING_TEXT } from '../../../app/palette';
import { DUTY_FILTERS, doubleReportApi, lastEndedPeriod, type DutyStatus, type ReportPeriodType, type ReportStatus, type ReportStatusRow } from '../api/double-report.api';
import { DutyStatusCell } from '../../obligations/components/DutyStatusCell';
import { PeriodPicker } from './PeriodPicker';
import { ReportStatusTag } from './ReportStatusTag';

const FILTERS = ['periodType', 'periodKey', 'status', 'duty', 'subdistrictId', 'industryCode'] as const;

/** Regulators: which enterprises in scope have confirmed and submitted their report for a period. */
export function ReportSubmissionStatus() {
  const { t, locale } = useI18n();
  const me = useMe();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const f = list.filters;
  const type = (f.periodType ?? 'month') as ReportPeriodType;
  const key = f.periodKey ?? lastEndedPeriod(type);
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const query = { page: list.page, pageSize: list.pageSize, periodType: type, periodKey: key, status: f.status, duty: f.duty, subdistrictId: f.subdistrictId, industryCode: f.industryCode };
  const { data, error, loading, reload } = useApiQuery(['double-reports', 'status', query], (signal) => doubleReportApi.status(query, signal));

  return (
    <div data-testid="report-submission-status">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <PeriodPicker type={type} periodKey={key} defaultKey={lastEndedPeriod} onChange={(pt, pk) => list.setFilters({ periodType: pt, periodKey: pk })} />
        <Select style={{ minWidth: 120 }} allowClear placeholder={t('hazard.status')} value={f.status as ReportStatus | undefined} onChange={(v?: ReportStatus) => list.setFilters({ status: v })}
          options={(['draft', 'confirmed', 'submitted'] as const).map((s) => ({ value: s, label: t(`doubleReportStatus.${s}`) }))} />
        <Select style={{ minWidth: 130 }} allowClear placeholder={t('doubleReport.dutyFilter')} value={f.duty} onChange={(v?: string) => list.setFilters({ duty: v })}
          options={DUTY_FILTERS.map((d) => ({ value: d, label: t(`doubleReportDuty.${d}`) }))} data-testid="double-report-duty-filter" />
        {me.scope.kind !== 'subdistrict' && subdistricts.length > 1 && (
          <Select style={{ minWidth: 140 }} allowClear placeholder={t('hazard.subdistrict')} value={f.subdistrictId} onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
            options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} />
        )}
        <Select style={{ minWidth: 140 }} allowClear placeholder={t('hazard.industry')} value={f.industryCode} onChange={(v?: string) => list.setFilters({ industryCode: v })}
          options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))} />
      </Flex>
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {(['total', 'submitted', 'confirmed', 'draft'] as const).map((k) => (
              <Col key={k} xs={12} md={6}>
                <Card size="small"><Statistic title={t(`doubleReportCount.${k}`)} value={data.counts[k]} /></Card>
              </Col>
            ))}
          </Row>
          {/* Issue 11 §1: who owes the period's report and where they stand is the duties engine's. */}
          <Row gutter={[12, 12]} style={{ marginBottom: 8 }} data-testid="double-report-duty-counts">
            {(['owed', 'notSubmitted', 'overdue', 'waived', 'notOwed'] as const).map((k) => (
              <Col key={k} xs={12} md={4}>
                <Card size="small"><Statistic title={t(`doubleReportDuty.${k}`)} value={data.duty[k]} styles={{ content: k === 'overdue' && data.duty.overdue > 0 ? { color: MEANING_TEXT.danger } : undefined }} /></Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t('doubleReport.dutyHint')}</Typography.Paragraph>
        </>
      )}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<ReportStatusRow>
          rowKey="enterpriseId"
          list={list}
          data={data}
          loading={loading}
          empty={t('doubleReport.statusEmpty')}
          // The period is always chosen: only the other filters can leave nothing to show.
          filtered={!!(f.status || f.subdistrictId || f.industryCode)}
          columns={[
            {
              key: 'name', dataIndex: 'name', title: t('hazard.enterprise'),
              render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}/hazard-reports/${type}/${key}`}>{v}</Link>,
            },
            {
              key: 'status', dataIndex: 'status', title: t('hazard.status'),
              render: (v: ReportStatus, r) => <><ReportStatusTag status={v} />{(r.submittedVersion ?? 1) > 1 && <Tag>{t('submission.version', { n: r.submittedVersion! })}</Tag>}</>,
            },
            { key: 'duty', dataIndex: 'dutyStatus', title: t('doubleReport.duty'), render: (_: DutyStatus, r) => <DutyStatusCell row={r} noneHint={t('doubleReport.dutyNoneHint')} /> },
            { key: 'sub', dataIndex: 'subdistrictName', title: t('hazard.subdistrict') },
            { key: 'industry', dataIndex: 'industryName', title: t('hazard.industry') },
            { key: 'confirmedAt', dataIndex: 'confirmedAt', title: t('doubleReport.confirmedAt'), render: (v: string | null) => formatDateTime(v) },
            { key: 'submittedAt', dataIndex: 'submittedAt', title: t('doubleReport.submittedAt'), render: (v: string | null) => formatDateTime(v) },
          ]}
        />
      )}
    </div>
  );
}
