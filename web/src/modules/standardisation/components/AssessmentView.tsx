import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { SubmissionVersions } from '../../../app/components/SubmissionVersions';
import { formatDateTime } from '../../../app/format';
import { useApiMutation } from '../../../app/useApi';
import { standardisationApi, standardisationQueries, type Assessment, type Element } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';
import { AdjustDrawer } from './AdjustDrawer';

const STATUS_COLOR = { none: 'default', draft: 'default', confirmed: 'processing', submitted: 'success' } as const;

/**
 * R-STD-1: the self-assessment of one year — the element table grouped by first-level element, each with its prefilled
 * score and the records behind it, the adjustments, the normalised total and the intended grade; the principal signs,
 * a manager submits, then the versions and their PDFs. Read-only for regulators (the abilities say so).
 */
export function AssessmentView({ data }: { data: Assessment }) {
  const { t: s } = useI18n();
  const { message } = App.useApp();
  const [adjusting, setAdjusting] = useState<Element | null>(null);
  const [signing, setSigning] = useState(false);
  const eid = data.enterpriseId;
  const invalidates = standardisationQueries(eid);
  const sign = useApiMutation((v: SignOutcome) => standardisationApi.sign(eid, data.year, { ...v, version: data.revision }), {
    invalidates, onSuccess: () => { setSigning(false); void message.success(s('std.signed')); },
  });
  const submit = useApiMutation(() => standardisationApi.submit(eid, data.year, data.revision), { invalidates, onSuccess: () => { void message.success(s('std.submitted')); } });
  const unadjust = useApiMutation((code: string) => standardisationApi.unadjust(eid, data.year, code), { invalidates });
  const grade = (g: string | null) => (g ? s(`std.grade.${g}` as 'std.grade.1') : '—');
  const t = data.totals;

  return (
    <div data-testid="std-assessment">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOR[data.status]} data-testid="std-status">{s(`std.status.${data.status}`)}</Tag>
        {data.required && <Tag color="warning" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>{s('std.required')}</Tag>}
        <Typography.Text type="secondary">{s(data.live ? 'std.live' : 'std.frozen')}</Typography.Text>
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={s('std.total')} value={t.normalised ?? '—'} precision={t.normalised === null ? undefined : 1} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={s('std.intended')} value={grade(t.intendedGrade)} /><Typography.Text type="secondary">{s('std.intendedNote')}</Typography.Text></Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small">
            <Typography.Paragraph style={{ marginBottom: 4 }}>{s('std.totalRule', { raw: t.rawScore, max: t.assessedMax, table: t.tableMax })}</Typography.Paragraph>
            <Typography.Text type="secondary">{s('std.thresholds', data.thresholds)}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        {data.abilities.canSign && <Button type="primary" onClick={() => setSigning(true)} data-testid="std-sign">{s('std.sign')}</Button>}
        {data.abilities.canSubmit && (
          <Popconfirm title={s('std.submitConfirm')} onConfirm={() => submit.run(undefined).catch(() => undefined)}>
            <Button type="primary" loading={submit.saving} data-testid="std-submit">{s('std.submit')}</Button>
          </Popconfirm>
        )}
      </Space>
      {data.firstLevel.map((f) => (
        <Card key={f.code} size="small" style={{ marginBottom: 12 }}
          title={<Flex justify="space-between" wrap gap={8}><span>{f.code} {f.name}</span>
            <Typography.Text type="secondary">{f.assessed ? s('std.firstLevelScore', { score: f.score, assessed: f.assessedMax, max: f.maxPoints }) : s('std.notAssessed')}</Typography.Text></Flex>}>
          <Table<Element> size="small" pagination={false} rowKey="code" scroll={{ x: 'max-content' }} dataSource={data.elements.filter((e) => e.firstLevel === f.code)}
            columns={[
              { key: 'el', title: s('std.col.element'), render: (_, e) => <Flex vertical><span>{e.code} {e.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.rule}</Typography.Text></Flex> },
              { key: 'max', title: s('std.col.max'), dataIndex: 'maxPoints', align: 'right' },
              { key: 'pre', title: s('std.col.prefilled'), align: 'right', responsive: ['md'], render: (_, e) => e.prefilledScore ?? <Typography.Text type="secondary">{s('std.notAssessed')}</Typography.Text> },
              {
                key: 'score', title: s('std.col.score'), align: 'right',
                render: (_, e) => (e.score === null ? <Tag>{s('std.notAssessed')}</Tag> : <Space size={4}>{e.score}{e.adjusted && <Tag color="orange">{s('std.adjusted')}</Tag>}</Space>),
              },
              {
                key: 'basis', title: s('std.col.basis'),
                render: (_, e) => (
                  <Flex vertical gap={2}>
                    {e.prefillName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.prefillName}</Typography.Text>}
                    {e.records.map((r) => (r.link && data.abilities.canAdjust
                      ? <Link key={r.label} to={r.link}>{s('std.record', { label: r.label, value: r.value })}</Link>
                      : <span key={r.label}>{s('std.record', { label: r.label, value: r.value })}</span>))}
                    {e.adjusted && <Typography.Text type="warning">{s('std.adjustedBy', { name: e.adjusted.adjustedBy ?? '', reason: e.adjusted.reason })}</Typography.Text>}
                  </Flex>
                ),
              },
              ...(data.abilities.canAdjust ? [{
                key: 'act', title: '', render: (_: unknown, e: Element) => (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => setAdjusting(e)} data-testid={`std-adjust-${e.code}`}>{s('std.adjust')}</Button>
                    {e.adjusted && <Button type="link" size="small" onClick={() => unadjust.run(e.code).catch(() => undefined)}>{s('std.unadjust')}</Button>}
                  </Space>
                ),
              }] : []),
            ]} />
        </Card>
      ))}
      {(data.confirmedBy || data.submittedBy) && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={1} items={[
            { key: 'c', label: s('std.confirmedBy'), children: data.confirmedBy ? `${data.confirmedBy.name} · ${formatDateTime(data.confirmedAt)}` : '—' },
            { key: 's', label: s('std.submittedBy'), children: data.submittedBy ? `${data.submittedBy.name} · ${formatDateTime(data.submittedAt)}` : '—' },
          ]} />
        </Card>
      )}
      {data.versions.length > 0 && (
        <SubmissionVersions versions={data.versions} current={data.submissionVersion} base={standardisationApi.base(eid, data.year)}
          pdfName={(v) => `${data.enterpriseName}-${data.year}-standardisation-v${v}.pdf`} canCorrect={data.abilities.canCorrect} invalidates={invalidates}
          onCorrect={async () => { await standardisationApi.correct(eid, data.year); }} />
      )}
      {adjusting && <AdjustDrawer data={data} element={adjusting} onClose={() => setAdjusting(null)} />}
      {signing && (
        <SignDialog enterpriseId={eid} mode="self" title={s('std.signTitle', { year: data.year })} onSign={sign.run} onClose={() => setSigning(false)}
          intro={<Alert type="info" showIcon message={s('std.signIntro', { score: t.normalised ?? '—', grade: grade(t.intendedGrade) })} />} />
      )}
    </div>
  );
}
