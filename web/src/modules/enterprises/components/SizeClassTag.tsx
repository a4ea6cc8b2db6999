import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { EnterpriseAttributes } from '../api/enterprises.api';

/**
 * RULES.md §8: the size class (大/中/小/微型) derived under the rule-set; an estimate says so, and why (no revenue
 * declared, or an indicator the platform does not hold).
 */
export function SizeClassTag({ attributes, revenueDeclared }: { attributes: EnterpriseAttributes; revenueDeclared: boolean }) {
  const { t } = useI18n();
  const label = t(`enterpriseSize.${attributes.sizeClass}`);
  if (!attributes.sizeEstimated) return <Tag color={MEANING_TAG.normal} data-testid="size-class-tag">{label}</Tag>;
  return (
    <Tooltip title={t(revenueDeclared ? 'enterprise.sizeEstimatedPartial' : 'enterprise.sizeEstimatedNoRevenue')}>
      <Tag color={MEANING_TAG.none} data-testid="size-class-tag">{t('enterprise.sizeEstimated', { size: label })}</Tag>
    </Tooltip>
  );
}
