import { Alert, App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type Campaign } from '../api/duties.api';

type Values = { period: [Dayjs, Dayjs] };

/** 公示: the results are posted for a period to every employee (and the yearly assessment duty is done). */
export function PublishNoticeDrawer({ enterpriseId, campaign, onClose }: { enterpriseId: string; campaign: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = useApiMutation((v: Values) => dutiesApi.publishNotice(enterpriseId, campaign.id, {
    publishFrom: v.period[0].format('YYYY-MM-DD'), publishTo: v.period[1].format('YYYY-MM-DD'),
  }), {
    invalidates: [dutyQueries(enterpriseId).campaigns, ['obligations']],
    onSuccess: () => { void message.success(t('dutyAssess.publishedDone')); onClose(); },
  });
  const today = dayjs();
  return (
    <FormDrawer<Values>
      title={t('dutyAssess.publishTitle', { name: campaign.name })}
      form={form}
      initialValues={{ period: [today, today.add(6, 'day')] }}
      onSubmit={publish.run}
      saving={publish.saving}
      onClose={onClose}
      okText={t('dutyAssess.publish')}
      testId="duty-notice-publish"
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('dutyAssess.publishHint')} />}
    >
      <Form.Item name="period" label={t('dutyAssess.period')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker.RangePicker />
      </Form.Item>
    </FormDrawer>
  );
}
