import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { R8Item } from '../api/risk.api';

type Props = { missingR8: R8Item[]; overdue: boolean; controlFailing: boolean };

/** The ledger's warnings on a point: R-RISK-8 items missing, re-assessment overdue, control failing. */
export function RiskFlags({ missingR8, overdue, controlFailing }: Props) {
  const { t } = useI18n();
  if (missingR8.length === 0 && !overdue && !controlFailing) return <>—</>;
  return (
    <Space size={4} wrap>
      {controlFailing && <Tag color={MEANING_TAG.danger} data-testid="flag-control-failing">{t('risk.flag.controlFailing')}</Tag>}
      {overdue && <Tag color={MEANING_TAG.danger} data-testid="flag-overdue">{t('risk.flag.overdue')}</Tag>}
      {missingR8.length > 0 && (
        <Tooltip title={t('risk.r8.missingList', { items: missingR8.map((i) => t(`risk.r8.${i}`)).join(t('common.separator')) })}>
          <Tag color={MEANING_TAG.danger} data-testid="flag-missing-r8">{t('risk.flag.missingR8Count', { n: missingR8.length })}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
