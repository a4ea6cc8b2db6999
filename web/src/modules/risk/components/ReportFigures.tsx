import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { figureColour, MEANING_TAG } from '../../../app/palette';
import type { ReportData } from '../api/risk-report.api';
import { GRADE_ON_WHITE, GRADES } from './grade-style';
import { GradeTag } from './GradeTag';

/** The figures of the report: totals, warnings, the year's assessments and the points that need attention. */
/** A problem's tag may be long (a point's name and its missing items): it wraps on a phone instead of widening the page. */
const WRAP = { whiteSpace: 'normal', maxWidth: '100%', marginBottom: 4 } as const;

export function ReportFigures({ data }: { data: ReportData }) {
  const { t } = useI18n();
  const f = data.totals;
  return (
    <Flex vertical gap={16} data-testid="report-figures">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('risk.total')} value={f.total} /></Card></Col>
        {GRADES.map((g) => (
          <Col xs={12} md={6} xl={3} key={g}><Card size="small"><Statistic title={t(`risk.grade.${g}`)} value={f.byGrade[g]} styles={{ content: { color: GRADE_ON_WHITE[g] } }} /></Card></Col>
        ))}
        <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('risk.report.majorHazardSources')} value={f.majorHazardSources} /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('risk.flag.overdue')} value={f.overdue} styles={{ content: { color: figureColour('overdue', f.overdue) } }} /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('risk.flag.controlFailing')} value={f.controlFailing} styles={{ content: { color: figureColour('controlFailing', f.controlFailing) } }} /></Card></Col>
      </Row>
      <Typography.Text>{t('risk.report.assessments', { inYear: data.assessments.inYear, initial: data.assessments.initial })} · {t('risk.report.asOf', { date: data.asOf })}</Typography.Text>
      {data.assessments.reassessments.length > 0 && (
        <Card size="small" title={t('risk.report.reassessments')}>
          <Table
            size="small"
            rowKey={(r) => `${r.riskPointId}:${r.assessedAt}`}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.assessments.reassessments}
            columns={[
              { key: 'at', dataIndex: 'assessedAt', title: t('common.updatedAt'), render: (v: string) => formatDate(v) },
              { key: 'name', title: t('risk.name'), render: (_, r) => `${r.code} ${r.name}` },
              { key: 'grade', title: t('risk.gradeLabel'), render: (_, r) => <>{r.previousGrade ? <GradeTag grade={r.previousGrade} short /> : null} → <GradeTag grade={r.grade} short /></> },
              { key: 'reason', dataIndex: 'reason', title: t('risk.reason') },
            ]}
          />
        </Card>
      )}
      {(data.grade1.length > 0 || data.overdue.length > 0 || data.missingR8.length > 0 || data.controlFailing.length > 0) && (
        <Card size="small" title={t('risk.report.problems')}>
          <Flex vertical gap={8}>
            {data.grade1.length > 0 && <div><b>{t('risk.report.grade1')}{t('risk.p.colon')}</b>{data.grade1.map((p) => <Tag key={p.id} color={MEANING_TAG.danger} style={WRAP}>{p.code} {p.name}</Tag>)}</div>}
            {data.overdue.length > 0 && <div><b>{t('risk.flag.overdue')}{t('risk.p.colon')}</b>{data.overdue.map((p) => <Tag key={p.id} color={MEANING_TAG.danger} style={WRAP}>{p.code} {p.name}{t('risk.p.paren', { x: p.reassessDue })}</Tag>)}</div>}
            {data.missingR8.length > 0 && (
              <div><b>{t('risk.flag.missingR8')}{t('risk.p.colon')}</b>{data.missingR8.map((p) => <Tag key={p.id} color={MEANING_TAG.danger} style={WRAP}>{p.code} {p.name}{t('risk.p.colon')}{p.missing.map((m) => t(`risk.r8.${m}`)).join(t('risk.p.list'))}</Tag>)}</div>
            )}
            {data.controlFailing.length > 0 && <div><b>{t('risk.flag.controlFailing')}{t('risk.p.colon')}</b>{data.controlFailing.map((p) => <Tag key={p.id} color={MEANING_TAG.danger} style={WRAP}>{p.code} {p.name}</Tag>)}</div>}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
