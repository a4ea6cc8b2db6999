import { useEffect, useState } from 'react';
import { CheckOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Select, Steps, Timeline, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { SubmissionVersions } from '../../../app/components/SubmissionVersions';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { riskReportApi, riskReportQueries, type AnnualReport } from '../api/risk-report.api';
import { ReportCharts } from '../components/ReportCharts';
import { ReportFigures } from '../components/ReportFigures';
import { ReportRiskTable } from '../components/ReportRiskTable';
import { ReportStatusTag } from '../components/ReportStatusTag';

const STEP: Record<AnnualReport['status'], number> = { none: 0, draft: 0, confirmed: 1, submitted: 3 };

type Act = { kind: 'save' | 'confirm' | 'submit'; version: number; narrative: string };

/**
 * R-RISK-9: the annual risk-point list and risk-control analysis. The figures are generated from the ledger; the
 * safety manager writes the analysis, the principal confirms (figures fixed), the safety manager submits (locked).
 * Regulators open a submitted report read-only from the report list.
 */
export function RiskReportPage() {
  const { t, tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const enterpriseId = params.enterpriseId ?? me.scope.enterpriseId ?? '';
  const year = Number(params.year ?? search.get('year')) || thisYear;
  const regulator = !!params.enterpriseId;
  const report = useApiQuery(['risk', enterpriseId, 'report', year], (signal) => riskReportApi.get(enterpriseId, year, signal), !!enterpriseId);
  const r = report.data;
  const [text, setText] = useState('');
  const change = useApiMutation(({ kind, version, narrative }: Act) => (
    kind === 'save' ? riskReportApi.save(enterpriseId, year, narrative, version)
      : kind === 'confirm' ? riskReportApi.confirm(enterpriseId, year, version)
        : riskReportApi.submit(enterpriseId, year, version)
  ), {
    invalidates: riskReportQueries(enterpriseId, year),
    onSuccess: (next, { kind }) => {
      report.setData(next);
      message.success(kind === 'save' ? t('common.saved') : kind === 'confirm' ? t('risk.report.confirmed') : t('risk.report.submitted'));
    },
  });
  const busy = change.saving ? change.input?.kind : undefined;
  usePageTitle(regulator ? r?.enterpriseName : undefined);

  useEffect(() => setText(r?.narrative ?? ''), [r?.narrative, r?.version]);

  if (!enterpriseId) return <Empty description={t('enterprise.pickFirst')} />;
  const dirty = !!r && text !== (r.narrative ?? '');
  const locked = r?.status === 'submitted';

  const act = async (kind: Act['kind']) => {
    if (!r) return;
    try {
      await change.run({ kind, version: r.version, narrative: text });
    } catch (e) {
      showError(e, { onConflict: report.reload });
    }
  };

  return (
    <div data-testid="risk-report-page">
      <PageHeader
        title={t('risk.report.title', { year })}
        sub={r ? <>{r.enterpriseName} · <ReportStatusTag status={r.status} onTime={r.onTime} /> · {t('risk.report.due', { date: r.dueDate })}</> : undefined}
        extra={!regulator && (
          <Select
            value={year}
            style={{ width: 120 }}
            onChange={(y: number) => setSearch(y === thisYear ? {} : { year: String(y) })}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: t('risk.reports.year', { year: y }) }))}
            data-testid="report-year"
          />
        )}
      />
      {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : !r ? <PageLoading /> : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Steps
              current={STEP[r.status]}
              size="small"
              items={[
                { title: t('risk.report.stepDraft') },
                { title: t('risk.report.stepConfirm'), content: r.confirmedBy && r.confirmedAt ? t('risk.report.confirmedBy', { name: r.confirmedBy.name, at: formatDateTime(r.confirmedAt) }) : undefined },
                { title: t('risk.report.stepSubmit'), content: r.submittedBy && r.submittedAt ? t('risk.report.submittedBy', { name: r.submittedBy.name, at: formatDateTime(r.submittedAt) }) : undefined },
              ]}
            />
            {locked && r.submittedAt && (
              <Alert
                style={{ marginTop: 12 }}
                type="success"
                showIcon
                data-testid="report-locked"
                title={t('risk.report.locked', { date: formatDate(r.submittedAt), when: r.onTime === false ? t('risk.report.late') : r.onTime ? t('risk.report.onTime') : '' })}
              />
            )}
            {!locked && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{r.live ? t('risk.report.live') : t('risk.report.fixed', { date: r.data.asOf })}</Typography.Paragraph>}
          </Card>
          <ReportFigures data={r.data} />
          <ReportCharts data={r.data} />
          <Card size="small" title={t('risk.report.narrative')} data-testid="report-narrative">
            {r.narrative === null ? <Typography.Text type="secondary">{t('risk.report.narrativeHidden')}</Typography.Text>
              : r.abilities.canEdit && !locked ? (
                <Flex vertical gap={8}>
                  {r.status === 'confirmed' && <Alert type="info" showIcon title={t('risk.report.reopenHint')} />}
                  <LimitedTextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 24 }} max={20000} placeholder={t('risk.report.narrativePlaceholder')} data-testid="report-narrative-input" />
                  <Flex justify="flex-end">
                    <Button icon={<SaveOutlined />} onClick={() => void act('save')} loading={busy === 'save'} disabled={!dirty} data-testid="report-save">{t('risk.report.saveNarrative')}</Button>
                  </Flex>
                </Flex>
              ) : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.narrative || '—'}</Typography.Paragraph>}
          </Card>
          {!locked && (r.abilities.canConfirm || r.abilities.canSubmit) && (
            <Flex justify="flex-end" gap={8} wrap>
              {r.abilities.canConfirm && r.status === 'draft' && (
                <Popconfirm title={t('risk.report.confirmConfirm')} onConfirm={() => void act('confirm')} okText={t('common.ok')} cancelText={t('common.cancel')} disabled={dirty}>
                  <Button type="primary" icon={<CheckOutlined />} loading={busy === 'confirm'} disabled={dirty} data-testid="report-confirm">{t('risk.report.confirm')}</Button>
                </Popconfirm>
              )}
              {r.abilities.canSubmit && r.status === 'confirmed' && (
                <Popconfirm title={t('risk.report.submitConfirm')} onConfirm={() => void act('submit')} okText={t('common.ok')} cancelText={t('common.cancel')} disabled={dirty}>
                  <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={dirty} data-testid="report-submit">{t('risk.report.submit')}</Button>
                </Popconfirm>
              )}
            </Flex>
          )}
          <SubmissionVersions
            versions={r.versions}
            current={r.submissionVersion}
            base={`/enterprises/${enterpriseId}/risk-reports/${year}`}
            pdfName={(v) => `${r.enterpriseName}-${year}-v${v}.pdf`}
            canCorrect={r.abilities.canCorrect}
            onCorrect={async () => report.setData(await riskReportApi.correct(enterpriseId, year))}
            invalidates={riskReportQueries(enterpriseId, year)}
          />
          <Card size="small" title={t('risk.report.riskList')}><ReportRiskTable rows={r.data.riskList} /></Card>
          {r.history.length > 0 && (
            <Card size="small" title={t('risk.report.history')}>
              <Timeline items={r.history.map((h, i) => ({ key: i, content: `${formatDateTime(h.at)} · ${tx(`risk.report.action.${h.action}`, h.action)}${h.by ? ` · ${h.by}` : ''}` }))} />
            </Card>
          )}
        </Flex>
      )}
    </div>
  );
}
