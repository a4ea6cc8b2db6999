import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { drillQueries, drillsApi, type DrillDetail, type EvaluateInput } from '../api/drills.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Values = { wentWell: string; problems: string; planNeedsRevision: boolean; actions: { content: string; ownerEmployeeId?: string; dueOn?: Dayjs }[] };

/** 完成评估: what worked, the problems found, whether the plan needs revising, and follow-up actions with owners and deadlines. */
export function EvaluateDrawer({ drill, onSaved, onClose }: { drill: DrillDetail; onSaved: (d: DrillDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((body: EvaluateInput) => drillsApi.evaluate(drill.enterpriseId, drill.id, body), {
    invalidates: drillQueries(drill.enterpriseId),
    onSuccess: onSaved,
  });
  const known = drill.participants.map((p) => ({ id: p.employeeId, name: p.name, unitName: p.unitName }));
  return (
    <FormDrawer<Values>
      title={t('drill.evaluate')} okText={t('drill.evaluate')} form={form} width={640}
      initialValues={{ wentWell: '', problems: '', planNeedsRevision: false, actions: [] }}
      onSubmit={(v) => save.run({
        wentWell: v.wentWell.trim(), problems: v.problems?.trim() ?? '', planNeedsRevision: v.planNeedsRevision, version: drill.version,
        actions: (v.actions ?? []).map((a) => ({ content: a.content.trim(), ownerEmployeeId: a.ownerEmployeeId ?? '', dueOn: a.dueOn ? a.dueOn.format('YYYY-MM-DD') : '' })),
      })}
      saving={save.saving} onClose={onClose} testId="drill-evaluate"
    >
      <Form.Item name="wentWell" label={t('drill.wentWell')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={3} max={4000} data-testid="drill-went-well" />
      </Form.Item>
      <Form.Item name="problems" label={t('drill.problems')}>
        <LimitedTextArea rows={3} max={4000} />
      </Form.Item>
      <Form.Item name="planNeedsRevision" label={t('drill.planNeedsRevision')} extra={t('drill.planNeedsRevisionHint')}>
        <Radio.Group options={[{ value: false, label: t('drill.no') }, { value: true, label: t('drill.yes') }]} />
      </Form.Item>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <Form.Item label={t('drill.field.actions')}>
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" wrap style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: '1 1 100%', marginBottom: 0 }}>
                    <LimitedTextArea rows={2} max={1000} placeholder={t('drill.action.content')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerEmployeeId']} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <EmployeeSelect enterpriseId={drill.enterpriseId} placeholder={t('drill.pickEmployee')} initial={known} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '0 1 160px', marginBottom: 0 }}>
                    <DatePicker placeholder={t('drill.action.dueOn')} style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('drill.action.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ content: '' })} data-testid="drill-add-action">{t('drill.action.add')}</Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
    </FormDrawer>
  );
}
