import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, InputNumber, Radio, Select, Space } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useApiMutation } from '../../../app/useApi';
import { ppeApi, ppeQueries, type PpePost, type PpeSummary } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';

type Line = { item: string; quantity: number; cycleMonths: number | null };
type Values = { postType: string; mode: 'type' | 'custom'; items: Line[] };

/**
 * A post's issue standard (safety managers): the post type it is, and either that type's standard [cfg] or the post's
 * own list, started from the type's and edited here.
 */
export function PostStandardDrawer({ enterpriseId, summary, post, onClose }: { enterpriseId: string; summary: PpeSummary; post: PpePost; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const typeStandard = (code: string | undefined): Line[] =>
    (summary.catalogue.postTypes.find((p) => p.code === code)?.standard ?? []).map((l) => ({ item: l.item, quantity: l.quantity, cycleMonths: l.cycleMonths }));
  const save = useApiMutation((v: Values) => ppeApi.setPost(enterpriseId, post.postId, {
    postType: v.postType, items: v.mode === 'custom' ? v.items.map((l) => ({ item: l.item, quantity: l.quantity, cycleMonths: l.cycleMonths ?? null })) : null,
    ...(post.version ? { version: post.version } : {}),
  }), { invalidates: ppeQueries(enterpriseId), onSuccess: () => { void message.success(t('ppe.post.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('ppe.post.title', { name: post.name })} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} width={560} testId="ppe-post-drawer"
      initialValues={{ postType: post.postType ?? undefined, mode: post.custom ? 'custom' : 'type', items: post.required.map((l) => ({ item: l.item, quantity: l.quantity, cycleMonths: l.cycleMonths })) }}>
      <Form.Item name="postType" label={t('ppe.col.postType')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select data-testid="ppe-post-type" options={summary.catalogue.postTypes.map((p) => ({ value: p.code, label: p.name }))}
          onChange={(code: string) => { if (form.getFieldValue('mode') !== 'custom') form.setFieldValue('items', typeStandard(code)); }} />
      </Form.Item>
      <Form.Item name="mode">
        <Radio.Group onChange={(e) => { if (e.target.value === 'custom' && !(form.getFieldValue('items') as Line[] | undefined)?.length) form.setFieldValue('items', typeStandard(form.getFieldValue('postType') as string)); }}>
          <Space direction="vertical">
            <Radio value="type">{t('ppe.post.useType')}</Radio>
            <Radio value="custom">{t('ppe.post.customize')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {mode === 'custom' && (
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="baseline">
                  <Form.Item name={[f.name, 'item']} rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 180, flex: 1 }}>
                    <Select showSearch optionFilterProp="label" options={summary.catalogue.items.map((i) => ({ value: i.code, label: i.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('validation.required') }]}>
                    <InputNumber min={1} max={1000} precision={0} addonBefore={t('ppe.col.quantity')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'cycleMonths']}>
                    <InputNumber min={1} max={120} precision={0} addonAfter={t('ppe.cycle.months', { n: '' }).trim()} placeholder={t('ppe.cycle.none')} style={{ width: 150 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ quantity: 1, cycleMonths: 12 })}>{t('ppe.post.addItem')}</Button>
            </>
          )}
        </Form.List>
      )}
    </FormDrawer>
  );
}
