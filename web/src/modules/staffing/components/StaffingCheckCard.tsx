import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { Staffing } from '../api/staffing.api';

/** The R-TEAM-1/2 check: compliant or not, why the law asks what it asks, what is counted and exactly what is missing. */
export function StaffingCheckCard({ s }: { s: Staffing }) {
  const { t } = useI18n();
  const c = s.check;
  const required = c.shortfalls.filter((x) => x.severity === 'required');
  const advised = c.shortfalls.filter((x) => x.severity === 'advised');
  const yesNo = (v: boolean) => t(v ? 'staffing.check.yes' : 'staffing.check.no');
  return (
    <Card
      size="small" data-testid="staffing-check"
      title={<Flex gap={8} align="center" wrap>{t('staffing.check.title')}
        <Tag color={MEANING_TAG[c.compliant ? 'done' : 'danger']} data-testid="staffing-check-status">{t(c.compliant ? 'staffing.check.compliant' : 'staffing.check.nonCompliant')}</Tag>
      </Flex>}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('staffing.check.headcount')}：<Typography.Text strong>{s.headcount}</Typography.Text>
        {s.declaredHeadcount !== s.headcount && <Typography.Text type="secondary">（{t('staffing.check.declared', { n: s.declaredHeadcount })}）</Typography.Text>}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{c.basisText}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('staffing.check.counted', { department: yesNo(c.counted.department), fullTime: c.counted.fullTime, partTime: c.counted.partTime, engineers: c.counted.engineers })}
      </Typography.Paragraph>
      {required.map((x) => <Alert key={x.code} type="error" showIcon style={{ marginBottom: 8 }} message={x.text} data-testid="staffing-shortfall" />)}
      {advised.map((x) => <Alert key={x.code} type="warning" showIcon style={{ marginBottom: 8 }} message={`${t('staffing.check.advice')}：${x.text}`} />)}
    </Card>
  );
}
