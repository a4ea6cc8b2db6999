import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { investmentApi, investmentQueries } from '../api/investment.api';

type Values = { checkedOn: Dayjs; comments: string };

/** Records the yearly investment check (day and comments) for the principal to sign. */
export function CheckDrawer({ enterpriseId, year, onClose }: { enterpriseId: string; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => investmentApi.createCheck(enterpriseId, { year, checkedOn: v.checkedOn.format('YYYY-MM-DD'), comments: v.comments }), {
    invalidates: [...investmentQueries(enterpriseId), ['investment', enterpriseId, 'checks']], onSuccess: () => { void message.success(t('common.saved')); onClose(); },
  });
  return (
    <FormDrawer<Values> title={t('investment.check.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="investment-check-drawer"
      initialValues={{ checkedOn: dayjs() }} intro={<p>{t('investment.check.hint')}</p>}>
      <Form.Item name="checkedOn" label={t('investment.check.date')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="comments" label={t('investment.check.comments')} rules={[{ required: true, max: 4000 }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
    </FormDrawer>
  );
}
