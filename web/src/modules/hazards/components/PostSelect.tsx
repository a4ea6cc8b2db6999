import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';

type Props = { enterpriseId: string; id?: string; value?: string; onChange?: (id: string | undefined) => void; allowClear?: boolean; testId?: string };

/** A post of the enterprise, named with its unit path ("操作工 · 一车间 / 甲班"). */
export function PostSelect({ enterpriseId, id, value, onChange, allowClear, testId }: Props) {
  const { t } = useI18n();
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'all'], (signal) => orgApi.posts(enterpriseId, undefined, signal));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      loading={posts.loading}
      placeholder={t('checklist.pickPost')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(posts.data ?? []).map((p) => ({ value: p.id, label: postLabel(p) }))}
      data-testid={testId}
    />
  );
}
