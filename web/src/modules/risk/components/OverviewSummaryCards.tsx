import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { OverviewSummary } from '../api/risk-report.api';
import { GRADE_ON_WHITE, GRADES } from './grade-style';

/** The jurisdiction at a glance: enterprises with and without a ledger, points by grade, and who has problems. */
export function OverviewSummaryCards({ summary }: { summary: OverviewSummary | undefined }) {
  const { t } = useI18n();
  const s = summary;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="risk-overview-summary">
      <Col xs={24} md={8} xl={6}>
        <Card size="small">
          <Statistic title={t('risk.overview.enterprises')} value={s?.enterprises ?? '–'} />
          <Typography.Text type="secondary">{t('risk.overview.withLedger', { n: s?.withLedger ?? 0 })} · {t('risk.overview.withoutLedger', { n: s?.withoutLedger ?? 0 })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={16} xl={10}>
        <Card size="small" title={`${t('risk.overview.points')} ${s?.points.total ?? ''}`}>
          <Flex gap={16} wrap>
            {GRADES.map((g) => <Statistic key={g} title={t(`risk.grade.${g}`)} value={s?.points.byGrade[g] ?? '–'} styles={{ content: { color: GRADE_ON_WHITE[g] } }} />)}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small">
          <Flex vertical gap={2}>
            <span>{t('risk.overview.entGrade1')}{t('risk.p.colon')}<b>{s?.enterprisesWith.grade1 ?? '–'}</b></span>
            <span>{t('risk.overview.entOverdue')}{t('risk.p.colon')}<b>{s?.enterprisesWith.overdue ?? '–'}</b></span>
            <span>{t('risk.overview.entMissingR8')}{t('risk.p.colon')}<b>{s?.enterprisesWith.missingR8 ?? '–'}</b></span>
            <span>{t('risk.overview.entControlFailing')}{t('risk.p.colon')}<b>{s?.enterprisesWith.controlFailing ?? '–'}</b></span>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
