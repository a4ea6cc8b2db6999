import { App, Form, Input } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { investmentApi, investmentQueries, MONEY, type InvestmentYear } from '../api/investment.api';

type Values = { accrued: string; openingBalance?: string };

/** The accrual booked for the year and, for the first year on the platform, the opening balance. */
export function YearDrawer({ data, onClose }: { data: InvestmentYear; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const money = [{ pattern: MONEY, message: t('investment.money.invalid') }];
  const save = useApiMutation((v: Values) => investmentApi.updateYear(data.enterpriseId, data.year, {
    accrued: v.accrued.trim(), openingBalance: v.openingBalance?.trim() ? v.openingBalance.trim() : null, ...(data.version ? { version: data.version } : {}),
  }), { invalidates: investmentQueries(data.enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('investment.year.edit')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="investment-year-drawer"
      initialValues={{ accrued: data.figures.accrued, openingBalance: data.openingBalance ?? '' }}>
      <Form.Item name="accrued" label={t('investment.year.accrued')} rules={[{ required: true }, ...money]}><Input inputMode="decimal" /></Form.Item>
      <Form.Item name="openingBalance" label={t('investment.year.opening')} rules={money}><Input inputMode="decimal" /></Form.Item>
    </FormDrawer>
  );
}
