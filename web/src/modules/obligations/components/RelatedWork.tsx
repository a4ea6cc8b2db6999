import { Card, Flex, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import type { ResponseOf } from '../../../api/types';

type Workbench = ResponseOf<'/workbench'>;

/**
 * Issue 11 §1: open rectification deadlines and check tasks due stay the hazard module's own records; "my duties"
 * shows them beside the duties by reading the hazard module's items on the to-do workbench (its public door), each a
 * link to the list it counts.
 */
export function RelatedWork() {
  const { t } = useI18n();
  const { data } = useApiQuery(['workbench'], (signal) => api.get<Workbench>('/workbench', undefined, { signal }));
  const items = (data?.items ?? []).filter((i) => (i.key.startsWith('hazard.') || i.key.startsWith('check.')) && i.count > 0);
  if (!items.length) return null;
  return (
    <Card size="small" title={t('obligation.related.title')} style={{ marginTop: 16 }} data-testid="duty-related">
      <Flex gap={8} wrap>
        {items.map((i) => (
          <Link key={i.key} to={i.to}>
            <Tag color={i.tone === 'danger' ? MEANING_TAG.danger : i.tone === 'warning' ? MEANING_TAG.warning : MEANING_TAG.normal} style={{ fontSize: 14, padding: '4px 10px' }}>
              {i.label} {i.count}
            </Tag>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
