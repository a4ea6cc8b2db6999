import { App, Form, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { letterQueries, lettersApi, type Template } from '../api/letters.api';

type Values = { title: string; body: string };

/** Edits the enterprise's wording of one kind of letter: saved as a new version for signings started later. */
export function TemplateDrawer({ enterpriseId, template, onClose }: { enterpriseId: string; template: Template; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => lettersApi.saveTemplate(enterpriseId, template.kind, v), {
    invalidates: letterQueries(enterpriseId),
    onSuccess: () => { void message.success(t('letters.template.saved')); onClose(); },
  });
  return (
    <FormDrawer<Values>
      title={t('letters.template.title', { kind: t(`letters.kind.${template.kind}`) })} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      width={720} testId="template-drawer" initialValues={{ title: template.title, body: template.body }}
      intro={<Typography.Paragraph type="secondary">
        {template.builtin ? t('letters.template.builtin') : t('letters.template.version', { v: template.version })}。{t('letters.template.hint')}
      </Typography.Paragraph>}
    >
      <Form.Item name="title" label={t('letters.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={100} />
      </Form.Item>
      <Form.Item name="body" label={t('letters.field.body')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea max={20000} autoSize={{ minRows: 12, maxRows: 30 }} />
      </Form.Item>
    </FormDrawer>
  );
}
