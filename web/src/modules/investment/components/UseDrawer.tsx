import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { investmentApi, investmentQueries, MONEY, type Category, type Use } from '../api/investment.api';

type Values = { usedOn: Dayjs; category: string; amount: string; purpose: string; voucherNo?: string };

/** Records one spending of the safety fee (R-INV-1); "outside the categories" is allowed and flagged. */
export function UseDrawer({ enterpriseId, use, categories, onClose }: { enterpriseId: string; use: Use | null; categories: Category[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => {
    const body = { usedOn: v.usedOn.format('YYYY-MM-DD'), category: v.category, amount: v.amount.trim(), purpose: v.purpose, voucherNo: v.voucherNo ?? '' };
    return use ? investmentApi.editUse(enterpriseId, use.id, { ...body, version: use.version }) : investmentApi.createUse(enterpriseId, body);
  }, { invalidates: investmentQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t(use ? 'investment.ledger.edit' : 'investment.ledger.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      testId="investment-use-drawer" initialValues={use ? { ...use, usedOn: dayjs(use.usedOn) } : { usedOn: dayjs() }}>
      <Form.Item name="usedOn" label={t('investment.ledger.date')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="category" label={t('investment.ledger.category')} rules={[{ required: true }]}>
        <Select options={[...categories.map((c) => ({ value: c.code, label: c.name })), { value: 'outside', label: t('investment.ledger.outside') }]} />
      </Form.Item>
      <Form.Item name="amount" label={t('investment.ledger.amount')} rules={[{ required: true }, { pattern: MONEY, message: t('investment.money.invalid') }]}><Input inputMode="decimal" /></Form.Item>
      <Form.Item name="purpose" label={t('investment.ledger.purpose')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      <Form.Item name="voucherNo" label={t('investment.ledger.voucherNo')} rules={[{ max: 50 }]}><Input maxLength={50} /></Form.Item>
    </FormDrawer>
  );
}
