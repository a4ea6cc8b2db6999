import { Alert, App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type ListDetail } from '../api/duties.api';

type Values = { effectiveOn?: Dayjs | null };

/** Publishing the draft: it becomes the version in force (公示 to every employee) and can no longer change. */
export function PublishDrawer({ enterpriseId, list, onClose }: { enterpriseId: string; list: ListDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = useApiMutation((v: Values) => dutiesApi.publish(enterpriseId, list.id, v.effectiveOn ? { effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } : {}), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: () => { void message.success(t('dutyList.publishedDone')); onClose(); },
  });
  const earliest = list.current?.effectiveOn ? dayjs(list.current.effectiveOn) : null;
  return (
    <FormDrawer<Values>
      title={t('dutyList.publishTitle', { version: list.draft?.version ?? 1 })}
      form={form}
      onSubmit={publish.run}
      saving={publish.saving}
      onClose={onClose}
      okText={t('dutyList.publish')}
      testId="duty-publish-drawer"
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('dutyList.publishHint')} />}
    >
      {/* Empty: from today, the district's date (the server's, not this device's). */}
      <Form.Item name="effectiveOn" label={t('dutyList.effectiveOn')} extra={t('dutyList.effectiveOnHint')}>
        <DatePicker style={{ width: 200 }} placeholder={t('dutyList.today')} disabledDate={(d) => (earliest ? d.isBefore(earliest, 'day') : false)} />
      </Form.Item>
    </FormDrawer>
  );
}
