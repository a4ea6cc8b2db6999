import { Alert, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { Compliance } from '../api/insurance.api';

/** R-INS-1: the result of the check — compliant or why not, the covers against the minimum, the uninsured named. */
export function ComplianceCard({ check, testId }: { check: Compliance; testId?: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={MEANING_TAG[check.compliant ? 'done' : 'danger']}>{t(check.compliant ? 'insurance.check.ok' : 'insurance.check.failed')}</Tag>
        {check.reasons.map((r) => <Tag key={r} color={MEANING_TAG.danger}>{t(`insurance.reason.${r}`)}</Tag>)}
      </Space>
      {check.cover && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('insurance.check.cover', { min: check.cover.min, max: check.cover.max, minCover: check.minCover })}
        </Typography.Paragraph>
      )}
      {check.uninsured.length > 0 && !check.reasons.includes('NO_POLICY') && (
        <Alert type="error" showIcon message={`${t('insurance.check.uninsured')}（${t('insurance.people.count', { n: check.uninsured.length })}）`} description={(
          <List size="small" dataSource={check.uninsured} renderItem={(u) => (
            <List.Item>{u.name}<Typography.Text type="secondary" style={{ marginLeft: 8 }}>{t(`insurance.form.${u.employmentForm}`)} · {u.unitName}</Typography.Text></List.Item>
          )} />
        )} />
      )}
    </div>
  );
}
