import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { EnterpriseAttributes } from '../api/enterprises.api';

/** RULES.md §8: the key-industry tag (重点行业领域), with why the enterprise is one. */
export function KeyIndustryTag({ attributes }: { attributes: EnterpriseAttributes }) {
  const { t, locale } = useI18n();
  if (!attributes.keyIndustry) return null;
  const basis = attributes.keyIndustryBy.map((b) => t(`enterprise.keyIndustryBy.${b}`)).join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <Tooltip title={t('enterprise.keyIndustryBy', { basis })}>
      <Tag color={MEANING_TAG.normal} data-testid="key-industry-tag">{t('enterprise.keyIndustry')}</Tag>
    </Tooltip>
  );
}
