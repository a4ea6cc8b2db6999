import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { isEnterpriseManager } from '../permissions';

const TONE = { met: MEANING_TAG.done, notMet: MEANING_TAG.danger, notAssessed: MEANING_TAG.none } as const;

/**
 * R-RESP-4, the principal's "five in place" (五到位), each derived from records: in place, not in place (with why), or
 * not assessed where the module that keeps its records is not on the platform yet.
 */
export function FiveInPlaceCard() {
  const me = useMe();
  const { t } = useI18n();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const enabled = !!enterpriseId && isEnterpriseManager(me);
  const { data } = useApiQuery(obligationKeys.fiveInPlace(enterpriseId), (signal) => obligationsApi.fiveInPlace(enterpriseId, signal), enabled);
  if (!enabled || !data) return null;
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  return (
    <Card size="small" title={t('obligation.five.title')} style={{ marginBottom: 16 }} data-testid="five-in-place">
      <Flex gap={8} wrap>
        {data.indicators.map((i) => (
          <Tooltip key={i.key} title={i.reasons.map((r) => t(`obligation.five.reason.${r}` as MessageKey)).join('；')}>
            <Tag color={TONE[i.state]} data-testid={`five-${i.key}`} data-state={i.state} style={{ fontSize: 14, padding: '4px 10px' }}>
              {t(`obligation.five.${i.key}` as MessageKey)}：{t(`obligation.five.${i.state}` as MessageKey)}
            </Tag>
          </Tooltip>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('obligation.five.detail', {
          posts: pct(data.coverage.posts.percent), people: pct(data.coverage.people.percent),
          letters: data.letters ? `${data.letters.done}/${data.letters.roster}` : t('obligation.col.noCampaign'),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
