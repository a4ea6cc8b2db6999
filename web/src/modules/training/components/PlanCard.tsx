import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { trainingApi, trainingQueries, type Plan, type PlanItem } from '../api/training.api';
import { COURSE_TYPES, courseKey } from '../course-types';
import { useI18n } from '../../../app/i18n';

/** R-TRN-1: the yearly training plan (items by month: type, course, target, planned hours), edited as a whole. */
export function PlanCard({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useI18n();
  const q = useApiQuery(['training', enterpriseId, 'plan', year], (signal) => trainingApi.plan(enterpriseId, year, signal));
  const [editing, setEditing] = useState(false);
  const plan = q.data;
  return (
    <Card size="small" title={t('training.plan.year', { year })} data-testid="training-plan"
      extra={plan?.abilities.canEdit && <Button onClick={() => setEditing(true)}>{t('training.plan.edit')}</Button>}>
      {plan?.note && <Typography.Paragraph type="secondary">{plan.note}</Typography.Paragraph>}
      <Table rowKey="lineNo" size="small" loading={q.loading} dataSource={plan?.items ?? []} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: t('training.plan.none') }}
        columns={[
          { title: t('training.col.month'), dataIndex: 'month' },
          { title: t('training.col.type'), dataIndex: 'courseName' },
          { title: t('training.col.title'), dataIndex: 'title' },
          { title: t('training.col.target'), dataIndex: 'target' },
          { title: t('training.col.plannedHours'), dataIndex: 'plannedHours' },
        ]} />
      {editing && plan && <PlanModal enterpriseId={enterpriseId} year={year} plan={plan} onClose={() => setEditing(false)} />}
    </Card>
  );
}

type Values = { note: string; items: PlanItem[] };

function PlanModal({ enterpriseId, year, plan, onClose }: { enterpriseId: string; year: number; plan: Plan; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => trainingApi.savePlan(enterpriseId, year, { ...v, ...(plan.version ? { version: plan.version } : {}) }), {
    invalidates: trainingQueries(enterpriseId), onSuccess: () => { void message.success(t('training.plan.saved')); onClose(); },
  });
  return (
    <Modal open width={900} title={t('training.plan.year', { year })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.saving}>
      <Form form={form} layout="vertical" initialValues={{ note: plan.note, items: plan.items.map(({ courseType, title, target, plannedHours, month }) => ({ courseType, title, target, plannedHours, month })) }}
        onFinish={(v) => save.run({ note: v.note ?? '', items: v.items ?? [] }).catch(() => undefined)}>
        <Form.Item name="note" label={t('training.plan.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'month']} rules={[{ required: true }]}><InputNumber min={1} max={12} placeholder={t('training.col.month')} /></Form.Item>
                  <Form.Item name={[f.name, 'courseType']} rules={[{ required: true }]}>
                    <Select style={{ width: 180 }} placeholder={t('training.col.type')} options={COURSE_TYPES.map((c) => ({ value: c, label: t(courseKey(c)) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}><Input placeholder={t('training.col.title')} maxLength={200} /></Form.Item>
                  <Form.Item name={[f.name, 'target']}><Input placeholder={t('training.col.target')} maxLength={500} /></Form.Item>
                  <Form.Item name={[f.name, 'plannedHours']} rules={[{ required: true }]}><InputNumber min={0.5} max={1000} step={0.5} placeholder={t('training.col.plannedHours')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ target: '' })}>{t('training.plan.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
