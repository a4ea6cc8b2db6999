import { App, Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { keyMomentQueries, keyMomentsApi, type KeyMomentDetail } from '../api/key-moments.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Values = { leaderEmployeeId: string | null };

/** 指定带班领导: the moment's on-duty leader; cleared, the principal is on duty again. */
export function LeaderDrawer({ moment, onSaved, onClose }: { moment: KeyMomentDetail; onSaved: (m: KeyMomentDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => keyMomentsApi.setLeader(moment.enterpriseId, moment.id, { leaderEmployeeId: v.leaderEmployeeId ?? null, version: moment.version }), {
    invalidates: keyMomentQueries(moment.enterpriseId),
    onSuccess: (m) => { void message.success(t('keyMoment.leaderSaved')); onSaved(m); },
  });
  const initial = moment.leader.employeeId ? [{ id: moment.leader.employeeId, name: moment.leader.name ?? '', unitName: null }] : [];
  return (
    <FormDrawer<Values>
      title={t('keyMoment.nameLeader')} form={form} initialValues={{ leaderEmployeeId: moment.leader.employeeId }}
      onSubmit={(v) => save.run(v)} saving={save.saving} onClose={onClose} testId="key-moment-leader"
    >
      <Form.Item name="leaderEmployeeId" label={t('keyMoment.field.leader')} extra={t('keyMoment.leaderHint')}>
        <EmployeeSelect enterpriseId={moment.enterpriseId} initial={initial} placeholder={t('keyMoment.principal')} testId="key-moment-leader-select" />
      </Form.Item>
    </FormDrawer>
  );
}
