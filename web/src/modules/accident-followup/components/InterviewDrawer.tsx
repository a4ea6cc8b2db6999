import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { districtNow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { followupApi, followupQueries, peopleFromText, peopleToText, type Interview } from '../api/followup.api';

type Values = {
  heldAt: Dayjs; place: string; principalName: string; participants: string; record: string; commitments: string; followUp: string; followUpDue?: Dayjs;
  mergeWith: string[]; accidentIds: string[]; reason: string;
};

type Props = { enterpriseId: string; accidentId: string; onClose: () => void; interview?: Interview; accidentSummary?: string };

/**
 * R-RESP-8: a department officer records the interview held with the principal about this accident, and may merge
 * other accidents of the enterprise still awaiting theirs (each is then fulfilled by this one record). With an
 * `interview`, the same form corrects it: every field, the accidents it covers, and the reason (required).
 */
export function InterviewDrawer({ enterpriseId, accidentId, onClose, interview, accidentSummary }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const board = useApiQuery(['accident-interviews', 'merge', districtNow().year()], (signal) => followupApi.board(districtNow().year(), signal));
  const others = (board.data?.due ?? []).filter((d) => d.enterpriseId === enterpriseId && d.accidentId !== accidentId);
  const fields = (v: Values) => ({
    heldAt: v.heldAt.format(), place: v.place ?? '', principalName: v.principalName, participants: peopleFromText(v.participants ?? ''), record: v.record,
    commitments: v.commitments ?? '', followUp: v.followUp ?? '', followUpDue: v.followUpDue ? v.followUpDue.format('YYYY-MM-DD') : null,
  });
  const save = useApiMutation((v: Values) => (interview
    ? followupApi.correctInterview(enterpriseId, interview.id, { ...fields(v), accidentIds: v.accidentIds, reason: v.reason, version: interview.version })
    : followupApi.recordInterview(enterpriseId, { ...fields(v), accidentIds: [accidentId, ...(v.mergeWith ?? [])] })), { invalidates: followupQueries(enterpriseId) });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const label = (id: string, n: number) => (id === accidentId && accidentSummary ? accidentSummary
    : others.find((o) => o.accidentId === id)?.summary ?? t('accidentFollowup.otherAccident', { n }));
  const covered = interview ? [...new Set([...interview.accidentIds, ...others.map((o) => o.accidentId)])] : [];
  const initial: Values = interview
    ? {
      heldAt: dayjs(interview.heldAt).utcOffset(districtNow().utcOffset()), place: interview.place, principalName: interview.principalName, participants: peopleToText(interview.participants),
      record: interview.record, commitments: interview.commitments, followUp: interview.followUp, mergeWith: [], accidentIds: interview.accidentIds, reason: '',
      ...(interview.followUpDue ? { followUpDue: dayjs(interview.followUpDue) } : {}),
    }
    : { heldAt: districtNow(), place: '', principalName: '', participants: '', record: '', commitments: '', followUp: '', mergeWith: [], accidentIds: [], reason: '' };
  return (
    <FormDrawer<Values>
      title={t(interview ? 'accidentFollowup.correctInterview' : 'accidentFollowup.recordInterview')} form={form} width={560} saving={save.saving} onClose={onClose}
      testId={interview ? 'correct-interview-drawer' : 'interview-drawer'}
      onSubmit={async (v) => { await save.run(v); onClose(); }}
      initialValues={initial}
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
      {!interview && others.length > 0 && (
        <Form.Item name="mergeWith" label={t('accidentFollowup.mergeWith')}>
          <Select mode="multiple" options={others.map((o) => ({ value: o.accidentId, label: `${o.summary}（${o.dueOn}）` }))} />
        </Form.Item>
      )}
      {interview && (
        <>
          <Form.Item name="accidentIds" label={t('accidentFollowup.coveredAccidents')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select mode="multiple" options={covered.map((id, i) => ({ value: id, label: label(id, i + 1) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('accidentFollowup.correctReason')} rules={required}>
            <LimitedTextArea rows={3} max={1000} data-testid="correct-reason" />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
