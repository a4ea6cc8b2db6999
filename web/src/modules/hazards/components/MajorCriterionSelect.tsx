import { useEffect, useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { checksApi } from '../api/checks.api';

type Props = { id?: string; value?: string; onChange?: (v: string) => void };

/** R-HAZ-2: the major-hazard criteria of the check library as a pick list; a criterion outside it can still be typed. */
export function MajorCriterionSelect({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    checksApi.majorCriteria(controller.signal)
      .then((items) => setOptions(items.map((i) => ({ value: i.content, label: i.code ? `${i.code} ${i.content}` : i.content }))))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return (
    <AutoComplete
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
      data-testid="hazard-major-criterion"
    >
      <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('hazard.majorCriterionPlaceholder')} />
    </AutoComplete>
  );
}
