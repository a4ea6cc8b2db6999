import { App, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { keyMomentQueries, keyMomentsApi, type KeyMomentDetail } from '../api/key-moments.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Kind = 'maintenance' | 'resumption';
type Values = { kind: Kind; name: string; days?: [Dayjs, Dayjs]; shutdown?: [Dayjs, Dayjs]; leaderEmployeeId?: string | null; note: string };

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 申报关键时段: a maintenance window (its days), or a resumption after a shutdown (the shutdown's days), and its leader. */
export function DeclareMomentDrawer({ enterpriseId, onSaved, onClose }: { enterpriseId: string; onSaved: (m: KeyMomentDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'maintenance';
  const save = useApiMutation((v: Values) => keyMomentsApi.declare(enterpriseId, {
    kind: v.kind, name: v.name.trim(), note: v.note.trim(), leaderEmployeeId: v.leaderEmployeeId ?? null,
    ...(v.kind === 'maintenance' && v.days ? { startsOn: day(v.days[0]), endsOn: day(v.days[1]) } : {}),
    ...(v.kind === 'resumption' && v.shutdown ? { shutdownFrom: day(v.shutdown[0]), shutdownTo: day(v.shutdown[1]) } : {}),
  }), {
    invalidates: keyMomentQueries(enterpriseId),
    onSuccess: (m) => { void message.success(t('keyMoment.declared')); onSaved(m); },
  });
  return (
    <FormDrawer<Values>
      title={t('keyMoment.declare')} form={form} initialValues={{ kind: 'maintenance', name: '', note: '', leaderEmployeeId: null }}
      intro={t('keyMoment.declareHint')} onSubmit={(v) => save.run(v)} saving={save.saving} onClose={onClose} testId="key-moment-declare"
    >
      <Form.Item name="kind" label={t('keyMoment.field.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={(['maintenance', 'resumption'] as const).map((k) => ({ value: k, label: t(`keyMoment.kind.${k}`) }))} data-testid="key-moment-kind" />
      </Form.Item>
      <Form.Item name="name" label={t('keyMoment.field.name')} rules={kind === 'maintenance' ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}>
        <LimitedInput max={200} data-testid="key-moment-name" />
      </Form.Item>
      {kind === 'maintenance' ? (
        <Form.Item name="days" label={`${t('keyMoment.field.startsOn')} ～ ${t('keyMoment.field.endsOn')}`} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      ) : (
        <Form.Item name="shutdown" label={`${t('keyMoment.field.shutdownFrom')} ～ ${t('keyMoment.field.shutdownTo')}`} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      )}
      <Form.Item name="leaderEmployeeId" label={t('keyMoment.field.leader')} extra={t('keyMoment.leaderHint')}>
        <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('keyMoment.principal')} />
      </Form.Item>
      <Form.Item name="note" label={t('keyMoment.field.note')}>
        <LimitedTextArea rows={3} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
