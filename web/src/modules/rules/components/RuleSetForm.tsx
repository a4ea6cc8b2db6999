import { Button, Flex, Form } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { SchemaNode } from '../api/rules.api';
import { SchemaFields } from './SchemaFields';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

export type RuleSetFormValues = { value: unknown; note: string };
type Props = {
  form: FormInstance<RuleSetFormValues>; schema: SchemaNode; fields: Record<string, string>;
  initial: unknown; defaults: unknown; saving: boolean; onSave: (v: RuleSetFormValues) => void;
};

/** The generic editor of a rule-set's next version: fields from its schema, a note, save and reset to defaults. */
export function RuleSetForm({ form, schema, fields, initial, defaults, saving, onSave }: Props) {
  const { t } = useI18n();
  return (
    <Form<RuleSetFormValues> form={form} layout="vertical" initialValues={{ value: initial, note: '' }} onFinish={onSave} data-testid="rule-set-form">
      <SchemaFields node={schema} fields={fields} />
      <Form.Item name="note" label={t('rules.note')}>
        <LimitedTextArea rows={2} max={500} placeholder={t('rules.notePlaceholder')} data-testid="rule-set-note" />
      </Form.Item>
      <Flex justify="flex-end" gap={8} wrap>
        <Button onClick={() => form.setFieldsValue({ value: defaults })}>{t('rules.reset')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rule-set-save">{t('rules.save')}</Button>
      </Flex>
    </Form>
  );
}
