import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { PhotoUploadField } from '../../certificates/components/PhotoUploadField';
import { FloorPlanPicker, type PlanPoint } from '../../equipment/components/FloorPlanPicker';
import {
  CONTACT_KINDS, EQUIPMENT_CATEGORIES, rescueApi, rescueQueries, type EmergencyContact, type EmergencyContactInput, type RescueAgreement,
  type RescueEquipment, type RescueMember, type RescueTeam, type TeamKind,
} from '../api/rescue.api';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const dj = (s?: string | null) => (s ? dayjs(s) : null);

function useSaved(onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return () => { void message.success(t('rescue.saved')); onClose(); };
}

type TeamValues = { name: string; kind: TeamKind; duties: string; members: RescueMember[] };

/** A rescue team (or the list of part-time rescuers) and its members: people of the roster or named outsiders. */
export function TeamDrawer({ enterpriseId, team, onClose }: { enterpriseId: string; team: RescueTeam | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<TeamValues>();
  const people = useApiQuery(['rescue', enterpriseId, 'people'], (signal) => rescueApi.people(enterpriseId, signal));
  const done = useSaved(onClose);
  const save = useApiMutation((v: TeamValues) => {
    const body = {
      name: v.name, kind: v.kind, duties: v.duties ?? '', note: team?.note ?? '',
      members: (v.members ?? []).map((m) => ({ employeeId: m.employeeId ?? null, name: m.name, role: m.role ?? '', phone: m.phone ?? '', certificates: m.certificates ?? '' })),
    };
    return team ? rescueApi.updateTeam(enterpriseId, team.id, { ...body, version: team.version }) : rescueApi.createTeam(enterpriseId, body);
  }, { invalidates: rescueQueries(enterpriseId), onSuccess: done });
  const pick = (index: number, employeeId: string | null) => {
    const p = people.data?.find((x) => x.id === employeeId);
    if (!p) return;
    const members = [...(form.getFieldValue('members') as RescueMember[])];
    members[index] = { ...members[index]!, employeeId, name: p.name, phone: members[index]?.phone || (p.phone ?? '') };
    form.setFieldsValue({ members });
  };
  return (
    <FormDrawer<TeamValues> title={t(team ? 'rescue.team.edit' : 'rescue.team.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="rescue-team-drawer" width={620}
      initialValues={team ?? { kind: 'team', name: '', duties: '', members: [] }}>
      <Form.Item name="name" label={t('rescue.team.name')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={100} data-testid="rescue-team-name" /></Form.Item>
      <Form.Item name="kind" label={t('rescue.team.kind')} rules={[{ required: true }]}>
        <Select options={(['team', 'parttime'] as const).map((k) => ({ value: k, label: t(`rescue.team.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="duties" label={t('rescue.team.duties')}><Input.TextArea maxLength={2000} rows={2} /></Form.Item>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card key={f.key} size="small" style={{ marginBottom: 8 }} extra={<MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('rescue.delete')} />}>
                <Form.Item name={[f.name, 'employeeId']} label={t('rescue.member.employee')}>
                  <Select allowClear showSearch optionFilterProp="label" loading={people.loading} onChange={(v: string | undefined) => pick(f.name, v ?? null)}
                    options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} label={t('rescue.member.name')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={50} data-testid={`rescue-member-name-${f.name}`} /></Form.Item>
                <Form.Item name={[f.name, 'role']} label={t('rescue.member.role')}><Input maxLength={50} /></Form.Item>
                <Form.Item name={[f.name, 'phone']} label={t('rescue.member.phone')}><Input maxLength={30} inputMode="tel" /></Form.Item>
                <Form.Item name={[f.name, 'certificates']} label={t('rescue.member.certificates')}><Input maxLength={500} /></Form.Item>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ employeeId: null, name: '', role: '', phone: '', certificates: '' })} data-testid="rescue-member-add">
              {t('rescue.member.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}

type AgreementValues = { counterpart: string; contactName: string; contactPhone: string; validFrom: Dayjs; validTo: Dayjs; note: string; attachmentId: string | null };

/** A rescue agreement with a nearby professional team: counterpart, validity, the signed text as a photo or scan. */
export function AgreementDrawer({ enterpriseId, agreement, onClose }: { enterpriseId: string; agreement: RescueAgreement | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AgreementValues>();
  const done = useSaved(onClose);
  const save = useApiMutation((v: AgreementValues) => {
    const body = {
      counterpart: v.counterpart, contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '', validFrom: day(v.validFrom)!, validTo: day(v.validTo)!,
      note: v.note ?? '', attachmentId: v.attachmentId ?? null,
    };
    return agreement ? rescueApi.updateAgreement(enterpriseId, agreement.id, { ...body, version: agreement.version }) : rescueApi.createAgreement(enterpriseId, body);
  }, { invalidates: rescueQueries(enterpriseId), onSuccess: done });
  return (
    <FormDrawer<AgreementValues> title={t(agreement ? 'rescue.agreement.edit' : 'rescue.agreement.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="rescue-agreement-drawer"
      initialValues={agreement ? { ...agreement, validFrom: dj(agreement.validFrom), validTo: dj(agreement.validTo), attachmentId: null } : { attachmentId: null }}>
      <Form.Item name="counterpart" label={t('rescue.agreement.counterpart')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={200} data-testid="rescue-agreement-counterpart" /></Form.Item>
      <Form.Item name="contactName" label={t('rescue.agreement.contact')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="contactPhone" label={t('rescue.agreement.phone')}><Input maxLength={30} inputMode="tel" /></Form.Item>
      <Form.Item name="validFrom" label={t('rescue.agreement.validFrom')} rules={[{ required: true, message: t('validation.required') }]}><DatePicker style={{ width: 180 }} data-testid="rescue-agreement-from" /></Form.Item>
      <Form.Item name="validTo" label={t('rescue.agreement.validTo')} rules={[{ required: true, message: t('validation.required') }]}><DatePicker style={{ width: 180 }} data-testid="rescue-agreement-to" /></Form.Item>
      <Form.Item name="attachmentId" label={t('rescue.agreement.file')}><PhotoUploadField enterpriseId={enterpriseId} /></Form.Item>
      <Form.Item name="note" label={t('rescue.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
    </FormDrawer>
  );
}

type EquipmentValues = {
  name: string; category: RescueEquipment['category']; quantity: number; unit: string; location: string; keeper: string; inspectionCycleDays: number | null;
  lastInspectedOn: Dayjs | null; expiresOn: Dayjs | null; note: string; place: PlanPoint;
};

/** An item of emergency equipment or materials: quantity, where it is kept, inspection cycle and last inspection, expiry. */
export function EquipmentDrawer({ enterpriseId, item, today, onClose }: { enterpriseId: string; item: RescueEquipment | null; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EquipmentValues>();
  const done = useSaved(onClose);
  const save = useApiMutation((v: EquipmentValues) => {
    const body = {
      name: v.name, category: v.category, quantity: v.quantity, unit: v.unit ?? '', location: v.location ?? '',
      floorPlanId: v.place?.position ? v.place.floorPlanId : null, position: v.place?.floorPlanId ? v.place.position : null, keeper: v.keeper ?? '', inspectionCycleDays: v.inspectionCycleDays ?? null, lastInspectedOn: day(v.lastInspectedOn),
      expiresOn: day(v.expiresOn), note: v.note ?? '',
    };
    return item ? rescueApi.updateEquipment(enterpriseId, item.id, { ...body, version: item.version }) : rescueApi.createEquipment(enterpriseId, body);
  }, { invalidates: rescueQueries(enterpriseId), onSuccess: done });
  return (
    <FormDrawer<EquipmentValues> title={t(item ? 'rescue.equipment.edit' : 'rescue.equipment.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="rescue-equipment-drawer"
      initialValues={item
        ? { ...item, lastInspectedOn: dj(item.lastInspectedOn), expiresOn: dj(item.expiresOn), place: { floorPlanId: item.floorPlanId, position: item.position } }
        : { category: 'protection', quantity: 1, place: { floorPlanId: null, position: null } }}>
      <Form.Item name="name" label={t('rescue.equipment.name')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={100} data-testid="rescue-equipment-name" /></Form.Item>
      <Form.Item name="category" label={t('rescue.equipment.category')} rules={[{ required: true }]}>
        <Select options={EQUIPMENT_CATEGORIES.map((c) => ({ value: c, label: t(`rescue.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="quantity" label={t('rescue.equipment.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={0} max={9_999_999_999} precision={2} style={{ width: 160 }} data-testid="rescue-equipment-quantity" />
      </Form.Item>
      <Form.Item name="unit" label={t('rescue.equipment.unit')}><Input maxLength={20} style={{ width: 120 }} /></Form.Item>
      <Form.Item name="location" label={t('rescue.equipment.location')}><Input maxLength={200} /></Form.Item>
      <Form.Item name="place" label={t('rescue.equipment.floorPlan')}><FloorPlanPicker enterpriseId={enterpriseId} /></Form.Item>
      <Form.Item name="keeper" label={t('rescue.equipment.keeper')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="inspectionCycleDays" label={t('rescue.equipment.cycle')}><InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} /></Form.Item>
      <Form.Item name="lastInspectedOn" label={t('rescue.equipment.lastInspected')}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(today), 'day')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="expiresOn" label={t('rescue.equipment.expiresOn')}><DatePicker style={{ width: 180 }} /></Form.Item>
      <Form.Item name="note" label={t('rescue.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
    </FormDrawer>
  );
}

type InspectValues = { inspectedOn: Dayjs; result: 'ok' | 'fixed' | 'faulty'; note: string };

/** Records an inspection of an item: the last inspection and the next one follow. */
export function InspectDrawer({ enterpriseId, item, today, onClose }: { enterpriseId: string; item: RescueEquipment; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<InspectValues>();
  const done = useSaved(onClose);
  const save = useApiMutation((v: InspectValues) => rescueApi.inspect(enterpriseId, item.id, { inspectedOn: day(v.inspectedOn)!, result: v.result, note: v.note ?? '' }),
    { invalidates: rescueQueries(enterpriseId), onSuccess: done });
  return (
    <FormDrawer<InspectValues> title={`${t('rescue.equipment.inspect')}：${item.name}`} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="rescue-inspect-drawer"
      initialValues={{ inspectedOn: dayjs(today), result: 'ok', note: '' }}>
      <Form.Item name="inspectedOn" label={t('rescue.equipment.inspectedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(today), 'day')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="result" label={t('rescue.equipment.result')} rules={[{ required: true }]}>
        <Select options={(['ok', 'fixed', 'faulty'] as const).map((r) => ({ value: r, label: t(`rescue.result.${r}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('rescue.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
    </FormDrawer>
  );
}

/** An emergency contact (internal person, rescue team, hospital, fire, regulators' duty phones…). */
export function ContactDrawer({ enterpriseId, contact, onClose }: { enterpriseId: string; contact: EmergencyContact | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EmergencyContactInput>();
  const done = useSaved(onClose);
  const save = useApiMutation((v: EmergencyContactInput) => {
    const body = { kind: v.kind, name: v.name, organisation: v.organisation ?? '', role: v.role ?? '', phone: v.phone, note: v.note ?? '', sort: v.sort ?? 0 };
    return contact ? rescueApi.updateContact(enterpriseId, contact.id, { ...body, version: contact.version }) : rescueApi.createContact(enterpriseId, body);
  }, { invalidates: rescueQueries(enterpriseId), onSuccess: done });
  return (
    <FormDrawer<EmergencyContactInput> title={t(contact ? 'rescue.contact.edit' : 'rescue.contact.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="rescue-contact-drawer"
      initialValues={contact ?? { kind: 'internal', sort: 0 }}>
      <Form.Item name="kind" label={t('rescue.contact.kind')} rules={[{ required: true }]}>
        <Select options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`rescue.contact.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('rescue.contact.name')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={100} data-testid="rescue-contact-name" /></Form.Item>
      <Form.Item name="organisation" label={t('rescue.contact.organisation')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="role" label={t('rescue.contact.role')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="phone" label={t('rescue.contact.phone')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={30} inputMode="tel" data-testid="rescue-contact-phone" /></Form.Item>
      <Form.Item name="sort" label={t('rescue.contact.sort')}><InputNumber min={0} max={10000} precision={0} /></Form.Item>
      <Form.Item name="note" label={t('rescue.note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
    </FormDrawer>
  );
}
