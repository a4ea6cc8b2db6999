import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { SchemaNode } from '../api/rules.api';
import { leavesOf, optionLabel, valueAt } from './rule-values';

type Props = { schema: SchemaNode; fields: Record<string, string>; value: unknown; compareTo?: unknown };

/** A rule-set's value, field by field; with `compareTo`, the fields that differ from it are marked. */
export function RuleValueView({ schema, fields, value, compareTo }: Props) {
  const { t } = useI18n();
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return v.length === 0 ? t('rules.none') : v.map((x) => optionLabel(fields, x)).join(t('rules.listSep'));
    if (typeof v === 'boolean') return v ? t('rules.yes') : t('rules.no');
    if (v === undefined || v === null) return '—';
    return typeof v === 'string' ? optionLabel(fields, v) : String(v);
  };
  return (
    <Descriptions size="small" bordered column={{ xs: 1, xxl: 2 }} data-testid="rule-values">
      {leavesOf(schema, fields).map((leaf) => {
        const v = valueAt(value, leaf.path);
        const changed = compareTo !== undefined && JSON.stringify(v) !== JSON.stringify(valueAt(compareTo, leaf.path));
        return (
          <Descriptions.Item key={leaf.path.join('.')} label={leaf.label}>
            {changed ? <Typography.Text mark>{show(v)}</Typography.Text> : show(v)}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
