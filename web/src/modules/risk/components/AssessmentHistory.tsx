import { Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Assessment, StoredMethod } from '../api/risk.api';
import { GRADE_HEX } from './grade-style';
import { GradeTag } from './GradeTag';

/** R-RISK-6: every assessment of a point, newest first, with its methods, rule-set version and reason. */
export function AssessmentHistory({ assessments }: { assessments: Assessment[] }) {
  const { t } = useI18n();
  if (assessments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.noAssessments')} />;
  const colon = t('risk.p.colon');
  const describe = (m: StoredMethod): string => {
    const i = m.inputs;
    switch (i?.method) {
      case 'LEC': return `LEC${colon}L=${i.L} E=${i.E} C=${i.C} → D=${m.score}`;
      case 'LS': return `LS${colon}L=${i.L} S=${i.S} → R=${m.score}`;
      case 'MES': return `MES${colon}M=${i.M} E=${i.E} S=${i.S} → R=${m.score}`;
      case 'DIRECT': return `${t('risk.methodShort.DIRECT')}${colon}${i.conditions.length ? i.conditions.map((c) => t(`risk.direct.${c}`)).join(t('risk.p.list')) : t('risk.directNone')}`;
      // Every assessment stores its inputs; one without them still shows its method and score.
      case undefined: return m.method === 'DIRECT' ? t('risk.methodShort.DIRECT') : `${m.method} ${m.score}`;
    }
  };
  const sorted = [...assessments].sort((a, b) => b.assessedAt.localeCompare(a.assessedAt));
  return (
    <Timeline
      data-testid="risk-history"
      items={sorted.map((a) => ({
        key: a.id,
        color: GRADE_HEX[a.grade],
        content: (
          <Flex vertical gap={2}>
            <Space wrap size={6}>
              <Typography.Text strong>{formatDateTime(a.assessedAt)}</Typography.Text>
              <Tag>{t(`risk.stage.${a.stage}`)}</Tag>
              <GradeTag grade={a.grade} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risk.rulesVersion', { v: a.ruleSetVersion })}</Typography.Text>
            </Space>
            {a.methods.map((m, i) => (
              <Typography.Text key={i} style={{ fontSize: 13 }}>{describe(m)} · {t(`risk.gradeShort.${m.grade}`)}</Typography.Text>
            ))}
            <Typography.Text type="secondary">{t('risk.reason')}{t('risk.p.colon')}{a.reason}{a.assessedBy ? ` · ${a.assessedBy}` : ''}</Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
