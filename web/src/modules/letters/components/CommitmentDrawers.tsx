import { App, Form, Input, InputNumber, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { commitmentQueries, lettersApi, type Commitment } from '../api/letters.api';

/** 起草安全承诺: the year and this year's planned investment; the rest is drafted from the enterprise's own figures. */
export function CommitmentDraftDrawer({ enterpriseId, onDrafted, onClose }: { enterpriseId: string; onDrafted: (c: Commitment) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ year: number; investmentWan: number | null }>();
  const draft = useApiMutation((v: { year: number; investmentWan: number | null }) => lettersApi.draftCommitment(enterpriseId, { year: v.year, investmentWan: v.investmentWan ?? null }), {
    invalidates: commitmentQueries(enterpriseId), onSuccess: onDrafted,
  });
  return (
    <FormDrawer
      title={t('commitment.draftTitle')} form={form} onSubmit={draft.run} saving={draft.saving} onClose={onClose} testId="commitment-draft"
      initialValues={{ year: new Date().getFullYear(), investmentWan: null }}
      intro={<Typography.Paragraph type="secondary">{t('commitment.hint')}</Typography.Paragraph>}
    >
      <Form.Item name="year" label={t('commitment.field.year')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="investmentWan" label={t('commitment.field.investment')} extra={t('commitment.field.investmentHint')}>
        <InputNumber min={0} max={100000000} precision={2} style={{ width: 200 }} />
      </Form.Item>
    </FormDrawer>
  );
}

type EditValues = { principalName: string; investmentWan: number | null; sections: { aspect: string; title: string; text: string }[] };

/** 修改草稿: the principal's name, the investment and the five aspects' texts. */
export function CommitmentEditDrawer({ enterpriseId, commitment, onClose }: { enterpriseId: string; commitment: Commitment; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  // Texts left as they were are not sent: a changed investment then has its text drafted again by the server.
  const save = useApiMutation((v: EditValues) => lettersApi.updateCommitment(enterpriseId, commitment.id, {
    version: commitment.version, principalName: v.principalName,
    ...(v.investmentWan !== commitment.figures.investmentWan ? { investmentWan: v.investmentWan ?? null } : {}),
    ...(v.sections.some((s, i) => s.text !== commitment.sections[i]?.text)
      ? { sections: v.sections.map((s) => ({ aspect: s.aspect as Commitment['sections'][number]['aspect'], text: s.text })) } : {}),
  }), {
    invalidates: commitmentQueries(enterpriseId),
    onSuccess: () => { void message.success(t('common.saved')); onClose(); },
  });
  return (
    <FormDrawer<EditValues>
      title={t('commitment.edit')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} width={720} testId="commitment-edit"
      initialValues={{ principalName: commitment.principalName, investmentWan: commitment.figures.investmentWan, sections: commitment.sections }}
    >
      <Form.Item name="principalName" label={t('commitment.field.principal')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={50} />
      </Form.Item>
      <Form.Item name="investmentWan" label={t('commitment.field.investment')}>
        <InputNumber min={0} max={100000000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.List name="sections">
        {(fields) => fields.map((field, i) => (
          <Form.Item key={field.key} label={commitment.sections[i]?.title} required>
            <Form.Item name={[field.name, 'aspect']} hidden><Input /></Form.Item>
            <Form.Item name={[field.name, 'text']} noStyle rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <LimitedTextArea max={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Form.Item>
        ))}
      </Form.List>
    </FormDrawer>
  );
}
