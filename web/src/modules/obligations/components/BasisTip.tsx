import { InfoCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

/**
 * 依据: the rule a duty implements, one tap away. People read the duty's name and what fulfils it; the rule id is for
 * whoever asks why (never a tag of its own on a card).
 */
export function BasisTip({ ruleId }: { ruleId: string }) {
  const { t } = useI18n();
  if (!ruleId) return null;
  const tip = t('obligation.basisTip', { rule: ruleId });
  return (
    <Tooltip title={tip} trigger={['hover', 'click']}>
      <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help', whiteSpace: 'nowrap' }} aria-label={tip} data-testid="obligation-basis">
        <InfoCircleOutlined style={{ marginInlineEnd: 2 }} />{t('obligation.basis')}
      </Typography.Text>
    </Tooltip>
  );
}
