import { App, Form, InputNumber, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { dutiesApi, dutyQueries, LIST_LEVELS, type ListLevel, type TemplateKey } from '../api/duties.api';

type Values = { name: string; level: ListLevel; start: 'template' | 'blank'; templateKey?: TemplateKey; firstItem?: string; firstPoints?: number };

/** A new list: copied from a built-in template (the usual way) or started blank; it opens as a draft of version 1. */
export function ListCreateDrawer({ enterpriseId, templateKey, onClose }: { enterpriseId: string; templateKey?: TemplateKey; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const templates = useApiQuery(['duties', 'templates'], (signal) => dutiesApi.templates(signal));
  const level = Form.useWatch('level', form) ?? 'post';
  const start = Form.useWatch('start', form) ?? 'template';
  const preset = templates.data?.find((x) => x.key === templateKey);
  const create = useApiMutation((v: Values) => dutiesApi.createList(enterpriseId, {
    name: v.name, level: v.level,
    ...(v.start === 'template' ? { templateKey: v.templateKey } : { items: [{ content: v.firstItem ?? '', points: v.firstPoints ?? 10, scope: '', criterion: '', source: '' }] }),
  }), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: (list) => { void message.success(t('dutyList.created')); onClose(); void navigate(`/duty-lists/${list.id}`); },
  });
  // A department's template makes a department's list; a post's makes a post's or a person's.
  const fitting = (templates.data ?? []).filter((x) => (x.level === 'department') === (level === 'department'));
  return (
    <FormDrawer<Values>
      title={t('dutyList.create')}
      form={form}
      initialValues={{ level: preset?.level ?? 'post', start: 'template', templateKey, name: preset ? t('dutyList.defaultName', { name: preset.name }) : '', firstPoints: 10 }}
      onSubmit={create.run}
      saving={create.saving}
      onClose={onClose}
      testId="duty-list-create"
    >
      <Form.Item name="level" label={t('dutyList.level')} rules={[{ required: true, message: t('validation.required') }]} extra={t(`dutyLevelHint.${level}`)}>
        <Radio.Group optionType="button" options={LIST_LEVELS.map((l) => ({ value: l, label: t(`dutyLevel.${l}`) }))} onChange={() => form.setFieldValue('templateKey', undefined)} />
      </Form.Item>
      <Form.Item name="start" label={t('dutyList.start')}>
        <Radio.Group options={[{ value: 'template', label: t('dutyList.fromTemplate') }, { value: 'blank', label: t('dutyList.fromBlank') }]} />
      </Form.Item>
      {start === 'template' ? (
        <Form.Item name="templateKey" label={t('dutyList.template')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            data-testid="duty-template-select"
            loading={templates.loading}
            showSearch
            optionFilterProp="label"
            options={fitting.map((x) => ({ value: x.key, label: `${x.name}（${t('dutyList.itemCount', { n: x.itemCount })}）` }))}
            onChange={(key: TemplateKey) => {
              const name = templates.data?.find((x) => x.key === key)?.name;
              if (name && !form.isFieldTouched('name')) form.setFieldValue('name', t('dutyList.defaultName', { name }));
            }}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="firstItem" label={t('dutyList.firstItem')} extra={t('dutyList.firstItemHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <LimitedTextArea max={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="firstPoints" label={t('dutyItem.points')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </>
      )}
      <Form.Item name="name" label={t('dutyList.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={100} data-testid="duty-list-name" />
      </Form.Item>
    </FormDrawer>
  );
}
