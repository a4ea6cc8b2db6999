import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../../app/i18n';
import { HAZARD_CLASSES, hazardsApi, type ConfirmInput, type HazardDetail } from '../api/hazards.api';
import { MajorCriterionSelect } from './MajorCriterionSelect';
import { OpDrawer } from './OpDrawer';
import { useHazardOp } from './useHazardOp';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };

/** confirm: the manager or unit leader registers and grades what was reported (R-HAZ-2). */
export function ConfirmForm({ hazard, onDone, onClose }: Props) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<ConfirmInput>();
  const { saving, run } = useHazardOp(form, onDone);
  const level = Form.useWatch('level', form);
  return (
    <OpDrawer title={t('hazardOp.confirm')} okText={t('hazardOp.confirm')} saving={saving} onOk={() => form.submit()} onClose={onClose} testId="hazard-confirm-form">
      <Form<ConfirmInput>
        form={form}
        layout="vertical"
        initialValues={{ level: hazard.level, hazardClass: hazard.hazardClass ?? 'thing', majorCriterion: hazard.majorCriterion ?? undefined, title: hazard.title, note: '' }}
        onFinish={(v) => void run(() => hazardsApi.confirm(hazard.enterpriseId, hazard.id, { ...v, majorCriterion: v.level === 'major' ? v.majorCriterion : undefined }))}
      >
        <Form.Item name="title" label={t('hazard.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="level" label={t('hazard.level')} extra={t('hazard.levelHint')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[{ value: 'general', label: t('hazardLevel.general') }, { value: 'major', label: t('hazardLevel.major') }]}
            data-testid="hazard-confirm-level"
          />
        </Form.Item>
        {level === 'major' && (
          <Form.Item name="majorCriterion" label={t('hazard.majorCriterion')} rules={[{ required: true, whitespace: true, message: t('hazard.majorCriterionRequired') }]}>
            <MajorCriterionSelect />
          </Form.Item>
        )}
        <Form.Item name="hazardClass" label={t('hazard.hazardClass')}>
          <Radio.Group options={HAZARD_CLASSES.map((c) => ({ value: c, label: tx(`hazardClass.${c}`, c) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('hazard.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </OpDrawer>
  );
}
