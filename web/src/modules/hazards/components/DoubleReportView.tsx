import { LockOutlined, SendOutlined, SignatureFilled, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Statistic, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { figureColour, type SeriesKey } from '../../../app/palette';
import { SubmissionVersions } from '../../../app/components/SubmissionVersions';
import { doubleReportApi, type DoubleReport } from '../api/double-report.api';
import { periodLabel } from '../api/check-period';
import type { Rate } from '../api/hazard-stats.api';
import { ReportStatusTag } from './ReportStatusTag';

const pct = (r: Rate) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`);

type Props = { report: DoubleReport; onChange: (r: DoubleReport) => void };

/**
 * R-HAZ-5 double report: risk control status and hazards found, fixed, overdue and major, generated from the records;
 * the principal confirms (signs) it, then it is submitted to the regulator and the workers' congress and locked.
 */
export function DoubleReportView({ report: r, onChange }: Props) {
  const { t, tx, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const h = r.data.hazards;
  const risk = r.data.risk;
  // A signature or a submission changes the report, the enterprise's submitted list, the regulators' status list and
  // the workbench tiles that count reports waiting.
  const invalidates = [['double-reports', r.enterpriseId], ['double-reports', 'status'], ['workbench']];
  const step = useApiMutation(
    (op: 'confirm' | 'submit') => (op === 'confirm' ? doubleReportApi.confirm : doubleReportApi.submit)(r.enterpriseId, r.periodType, r.periodKey),
    {
      invalidates,
      onSuccess: (next, op) => {
        onChange(next);
        message.success(t(op === 'confirm' ? 'doubleReport.confirmed' : 'doubleReport.submittedMsg'));
      },
    },
  );
  const busy = step.saving ? step.input : undefined;

  const act = async (op: 'confirm' | 'submit') => {
    try {
      await step.run(op);
    } catch (e) {
      showError(e);
    }
  };

  // `counts` says what a figure counts and so its colour (overdue and major red, open orange); rates stay plain.
  const stat = (key: string, value: number | string, counts?: SeriesKey) => {
    const colour = counts && typeof value === 'number' ? figureColour(counts, value) : undefined;
    return (
      <Col key={key} xs={12} md={6}>
        <Statistic title={tx(`doubleReport.${key}`, key)} value={value} styles={{ content: colour ? { color: colour } : undefined }} />
      </Col>
    );
  };

  return (
    <div data-testid="hazard-report-view" data-status={r.status}>
      <Card style={{ marginBottom: 12 }}>
        <Flex justify="space-between" gap={12} wrap>
          <div>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>{t('doubleReport.heading', { enterprise: r.enterpriseName, period: periodLabel(r.periodKey, locale) })}</Typography.Title>
              <ReportStatusTag status={r.status} />
              {r.live ? <Tag icon={<SyncOutlined />}>{t('doubleReport.live')}</Tag> : <Tag icon={<LockOutlined />} color="blue">{t('doubleReport.locked')}</Tag>}
            </Flex>
            <Typography.Text type="secondary">
              {t(`doubleReportType.${r.periodType}`)} · {r.data.period.firstDay} ~ {r.data.period.lastDay} · {t('doubleReport.asOf', { date: r.data.asOf })}
            </Typography.Text>
          </div>
          <Flex gap={8} wrap>
            {r.abilities.canConfirm && (
              <Popconfirm title={t('doubleReport.confirmAsk')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void act('confirm')}>
                <Button type="primary" icon={<SignatureFilled />} loading={busy === 'confirm'} data-testid="report-confirm">{t('doubleReport.confirm')}</Button>
              </Popconfirm>
            )}
            {r.abilities.canSubmit && (
              <Popconfirm title={t('doubleReport.submitAsk')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void act('submit')}>
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="report-submit">{t('doubleReport.submit')}</Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
        {r.status === 'draft' && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('doubleReport.draftHint')} />}
        {r.status === 'submitted' && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('doubleReport.lockedHint')} />}
      </Card>
      <Card size="small" title={t('doubleReport.hazardSection')} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          {stat('found', h.found)}
          {stat('foundMajor', h.foundMajor, 'foundMajor')}
          {stat('fixed', h.fixed)}
          {stat('fixedOnTime', h.fixedOnTime)}
          {stat('openAtEnd', h.openAtEnd, 'open')}
          {stat('overdueAtEnd', h.overdueAtEnd, 'overdue')}
          {stat('majorOpenAtEnd', h.majorOpenAtEnd, 'majorOpen')}
          {stat('voided', h.voided)}
          {stat('rectificationRate', pct(h.rectificationRate))}
          {stat('onTimeRate', pct(h.onTimeRate))}
        </Row>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }} items={[
          { key: 'level', label: t('stats.byLevel'), children: h.byLevel.map((b) => `${tx(`hazardLevel.${b.key}`, b.key)} ${b.count}`).join('，') || '—' },
          { key: 'class', label: t('stats.byClass'), children: h.byClass.map((b) => `${tx(`hazardClass.${b.key}`, t('stats.unclassified'))} ${b.count}`).join('，') || '—' },
          { key: 'source', label: t('stats.bySource'), children: h.bySource.map((b) => `${tx(`hazardSource.${b.key}`, b.key)} ${b.count}`).join('，') || '—' },
        ]} />
      </Card>
      <Card size="small" title={t('doubleReport.riskSection')} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          {stat('riskTotal', risk.total)}
          {(['1', '2', '3', '4'] as const).map((g) => stat(`grade${g}`, risk.byGrade[g], `grade${g}`))}
          {stat('unassessed', risk.unassessed, 'unassessed')}
          {stat('riskOverdue', risk.overdue, 'overdue')}
          {stat('controlFailing', risk.controlFailing, 'controlFailing')}
          {stat('missingR8', risk.missingR8, 'missingR8')}
        </Row>
      </Card>
      <Card size="small" title={t('doubleReport.signatures')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} items={[
          { key: 'c', label: t('doubleReport.confirmedBy'), children: r.confirmedBy ? `${r.confirmedBy.name} · ${formatDateTime(r.confirmedAt)}` : '—' },
          { key: 's', label: t('doubleReport.submittedBy'), children: r.submittedBy ? `${r.submittedBy.name} · ${formatDateTime(r.submittedAt)}` : '—' },
        ]} />
      </Card>
      <SubmissionVersions
        versions={r.versions}
        current={r.submissionVersion}
        base={doubleReportApi.path(r.enterpriseId, r.periodType, r.periodKey)}
        pdfName={(v) => `${r.enterpriseName}-${r.periodKey}-v${v}.pdf`}
        canCorrect={r.abilities.canCorrect}
        invalidates={invalidates}
        onCorrect={async () => onChange(await doubleReportApi.correct(r.enterpriseId, r.periodType, r.periodKey))}
      />
    </div>
  );
}
