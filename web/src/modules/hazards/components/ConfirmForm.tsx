import { Divider, Form, Radio, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { HAZARD_CLASSES, hazardsApi, type ConfirmInput, type HazardDetail } from '../api/hazards.api';
import { HazardUnitSelect } from './HazardUnitSelect';
import { MajorCriterionSelect } from './MajorCriterionSelect';
import { RiskPointSelect } from './RiskPointSelect';
import { useHazardOp } from './useHazardOp';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };

/**
 * confirm: the manager or unit leader registers and grades what was reported (R-HAZ-2), and corrects where it is —
 * unit, location, risk point — since a worker's report often names them only roughly.
 */
export function ConfirmForm({ hazard, onDone, onClose }: Props) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<ConfirmInput>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  const level = Form.useWatch('level', form);
  const units = useApiQuery(['org', hazard.enterpriseId, 'hazard-units'], (signal) => hazardsApi.units(hazard.enterpriseId, signal));
  return (
    <FormDrawer<ConfirmInput>
      title={t('hazardOp.confirm')}
      okText={t('hazardOp.confirm')}
      form={form}
      initialValues={{
        level: hazard.level, hazardClass: hazard.hazardClass ?? 'thing', majorCriterion: hazard.majorCriterion ?? undefined, title: hazard.title,
        orgUnitId: hazard.orgUnitId, location: hazard.location, riskPointId: hazard.riskPointId, note: '',
      }}
      onSubmit={(v) => run(() => hazardsApi.confirm(hazard.enterpriseId, hazard.id, {
        ...v, majorCriterion: v.level === 'major' ? v.majorCriterion : undefined, location: v.location?.trim() ?? '', riskPointId: v.riskPointId ?? null,
      }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-confirm-form"
    >
      <Form.Item name="title" label={t('hazard.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={200} />
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
      <Divider style={{ margin: '8px 0 12px' }} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hazard.placeHint')}</Typography.Paragraph>
      <Form.Item name="orgUnitId" label={t('hazard.orgUnit')} rules={[{ required: true, message: t('validation.required') }]}>
        <HazardUnitSelect units={units.data?.units} testId="hazard-confirm-unit" />
      </Form.Item>
      <Form.Item name="location" label={t('hazard.location')}>
        <LimitedInput max={200} data-testid="hazard-confirm-location" />
      </Form.Item>
      <Form.Item name="riskPointId" label={t('hazard.riskPoint')}>
        <RiskPointSelect
          enterpriseId={hazard.enterpriseId}
          initial={hazard.riskPointId ? { id: hazard.riskPointId, name: hazard.riskPointName ?? '' } : null}
          onChange={(_id, point) => {
            // A risk point lies in a unit and a place: follow it unless the confirmer cannot place the hazard there.
            if (point && units.data?.units.some((u) => u.id === point.orgUnitId)) form.setFieldValue('orgUnitId', point.orgUnitId);
            if (point?.location && !form.getFieldValue('location')) form.setFieldValue('location', point.location);
          }}
        />
      </Form.Item>
      <Form.Item name="note" label={t('hazard.note')}>
        <LimitedTextArea rows={2} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
