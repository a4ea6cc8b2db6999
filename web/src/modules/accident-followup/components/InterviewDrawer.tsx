import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { districtNow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { followupApi, followupQueries, peopleFromText } from '../api/followup.api';

type Values = { heldAt: Dayjs; place: string; principalName: string; participants: string; record: string; commitments: string; followUp: string; followUpDue?: Dayjs; mergeWith: string[] };

/**
 * R-RESP-8: a department officer records the interview held with the principal about this accident, and may merge
 * other accidents of the enterprise still awaiting theirs (each is then fulfilled by this one record).
 */
export function InterviewDrawer({ enterpriseId, accidentId, onClose }: { enterpriseId: string; accidentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const board = useApiQuery(['accident-interviews', 'merge', districtNow().year()], (signal) => followupApi.board(districtNow().year(), signal));
  const others = (board.data?.due ?? []).filter((d) => d.enterpriseId === enterpriseId && d.accidentId !== accidentId);
  const save = useApiMutation((v: Values) => followupApi.recordInterview(enterpriseId, {
    accidentIds: [accidentId, ...(v.mergeWith ?? [])], heldAt: v.heldAt.format(), place: v.place ?? '', principalName: v.principalName,
    participants: peopleFromText(v.participants ?? ''), record: v.record, commitments: v.commitments ?? '', followUp: v.followUp ?? '',
    followUpDue: v.followUpDue ? v.followUpDue.format('YYYY-MM-DD') : null,
  }), { invalidates: followupQueries(enterpriseId) });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormDrawer<Values>
      title={t('accidentFollowup.recordInterview')} form={form} width={560} saving={save.saving} onClose={onClose} testId="interview-drawer"
      onSubmit={async (v) => { await save.run(v); onClose(); }}
      initialValues={{ heldAt: districtNow(), place: '', principalName: '', participants: '', record: '', commitments: '', followUp: '', mergeWith: [] }}
    >
      <Form.Item name="heldAt" label={t('accidentFollowup.heldAt')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('accidentFollowup.interviewPlace')}><Input maxLength={200} /></Form.Item>
      <Form.Item name="principalName" label={t('accidentFollowup.principalName')} rules={required}><Input maxLength={100} data-testid="interview-principal" /></Form.Item>
      <Form.Item name="participants" label={t('accidentFollowup.participants')}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="record" label={t('accidentFollowup.record')} rules={required}><LimitedTextArea rows={5} max={20000} data-testid="interview-record" /></Form.Item>
      <Form.Item name="commitments" label={t('accidentFollowup.commitments')}><LimitedTextArea rows={3} max={4000} /></Form.Item>
      <Form.Item name="followUp" label={t('accidentFollowup.followUp')}><LimitedTextArea rows={2} max={4000} /></Form.Item>
      <Form.Item name="followUpDue" label={t('accidentFollowup.followUpDue')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      {others.length > 0 && (
        <Form.Item name="mergeWith" label={t('accidentFollowup.mergeWith')}>
          <Select mode="multiple" options={others.map((o) => ({ value: o.accidentId, label: `${o.summary}（${o.dueOn}）` }))} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
