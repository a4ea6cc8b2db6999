import { App, DatePicker, Form, Input, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { riskApi } from '../../risk/api/risk.api';
import {
  EQUIPMENT_STATUSES, equipmentApi, equipmentQueries, SPECIAL_TYPES, type EquipmentDetail, type EquipmentList, type EquipmentStatus, type SpecialType,
} from '../api/equipment.api';
import { FloorPlanPicker, type PlanPoint } from './FloorPlanPicker';

type Values = {
  code: string; name: string; type: string; model: string; orgUnitId: string; location: string; place: PlanPoint; riskPointIds: string[]; monitoringMeasures: string;
  specialType: SpecialType | 'none'; registrationNo: string; registrationCertNo: string; lastInspectedOn?: Dayjs | null; nextInspectionDue?: Dayjs | null;
  inspectionCertNo: string; obsoleteItem: string; status: EquipmentStatus;
};
const NONE = 'none';
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** Registers equipment, or edits it (its inspection dates then move only by recording an inspection). */
export function EquipmentDrawer({ enterpriseId, id, catalogue, onClose }: { enterpriseId: string; id: string | null; catalogue: EquipmentList['catalogue'] | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = useApiQuery(['equipment', enterpriseId, 'detail', id], (signal) => equipmentApi.get(enterpriseId, id!, signal), !!id);
  const units = useApiQuery(['org-units', enterpriseId], (signal) => orgApi.units(enterpriseId, signal));
  const points = useApiQuery(['risk', enterpriseId, 'points', 'equipment-picker'], (signal) => riskApi.list(enterpriseId, { pageSize: 1000, sort: 'code' }, signal));
  const special = Form.useWatch('specialType', form);
  const save = useApiMutation((v: Values) => {
    const common = {
      code: v.code, name: v.name, type: v.type ?? '', model: v.model ?? '', orgUnitId: v.orgUnitId, location: v.location ?? '',
      floorPlanId: v.place?.floorPlanId ?? null, position: v.place?.position ?? null, riskPointIds: v.riskPointIds ?? [], monitoringMeasures: v.monitoringMeasures ?? '',
      registrationNo: v.registrationNo ?? '', registrationCertNo: v.registrationCertNo ?? '', obsoleteItem: v.obsoleteItem && v.obsoleteItem !== NONE ? v.obsoleteItem : null,
      status: v.status,
    };
    if (current.data) return equipmentApi.update(enterpriseId, current.data.id, { ...common, version: current.data.version });
    const specialType = v.specialType === NONE ? null : v.specialType;
    return equipmentApi.create(enterpriseId, {
      ...common, specialType, lastInspectedOn: specialType ? day(v.lastInspectedOn) : null, nextInspectionDue: specialType ? day(v.nextInspectionDue) : null,
      inspectionCertNo: v.inspectionCertNo ?? '',
    });
  }, { invalidates: equipmentQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  if (id && !current.data) return <Skeleton active />;
  const e: EquipmentDetail | undefined = current.data;
  const interval = catalogue?.specialTypes.find((s) => s.code === special)?.intervalMonths;
  return (
    <FormDrawer<Values>
      title={t(e ? 'equipment.edit' : 'equipment.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="equipment-drawer" width={640}
      initialValues={e ? {
        ...e, place: { floorPlanId: e.floorPlanId, position: e.position }, riskPointIds: e.riskPoints.map((p) => p.id), specialType: e.specialType ?? NONE,
        obsoleteItem: e.obsoleteItem ?? NONE,
      } : { specialType: NONE, obsoleteItem: NONE, status: 'in_use', riskPointIds: [], place: { floorPlanId: null, position: null } }}
    >
      <Form.Item name="code" label={t('equipment.field.code')} rules={[{ required: true, max: 50 }]}><Input maxLength={50} /></Form.Item>
      <Form.Item name="name" label={t('equipment.field.name')} rules={[{ required: true, max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="type" label={t('equipment.field.type')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="model" label={t('equipment.field.model')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="orgUnitId" label={t('equipment.field.orgUnit')} rules={[{ required: true }]}><OrgUnitSelect units={units.data} testId="equipment-field-unit" /></Form.Item>
      <Form.Item name="location" label={t('equipment.field.location')} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="place" label={t('equipment.field.floorPlan')}><FloorPlanPicker enterpriseId={enterpriseId} /></Form.Item>
      <Form.Item name="riskPointIds" label={t('equipment.field.riskPoints')}>
        <Select mode="multiple" optionFilterProp="label" loading={points.loading} options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />
      </Form.Item>
      <Form.Item name="monitoringMeasures" label={t('equipment.field.monitoring')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} maxLength={2000} showCount /></Form.Item>
      <Form.Item name="specialType" label={t('equipment.field.specialType')}>
        <Select disabled={!!e} options={[{ value: NONE, label: t('equipment.field.notSpecial') }, ...SPECIAL_TYPES.map((s) => ({ value: s, label: t(`equipment.special.${s}`) }))]} />
      </Form.Item>
      {special && special !== NONE && (
        <>
          <Form.Item name="registrationNo" label={t('equipment.field.registrationNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="registrationCertNo" label={t('equipment.field.registrationCertNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
          {!e && (
            <>
              <Form.Item name="lastInspectedOn" label={t('equipment.field.lastInspectedOn')}><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
              <Form.Item name="nextInspectionDue" label={t('equipment.field.nextInspectionDue')} extra={interval ? t('equipment.field.nextDueHint', { months: interval }) : undefined}>
                <DatePicker style={{ width: '100%' }} inputReadOnly />
              </Form.Item>
              <Form.Item name="inspectionCertNo" label={t('equipment.field.inspectionCertNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
            </>
          )}
        </>
      )}
      <Form.Item name="obsoleteItem" label={t('equipment.field.obsolete')}>
        <Select options={[{ value: NONE, label: t('equipment.field.obsoleteNone') }, ...(catalogue?.obsolete ?? []).map((i) => ({ value: i.code, label: i.name }))]} />
      </Form.Item>
      <Form.Item name="status" label={t('equipment.field.status')}>
        <Select options={EQUIPMENT_STATUSES.map((s) => ({ value: s, label: t(`equipment.status.${s}`) }))} />
      </Form.Item>
    </FormDrawer>
  );
}
