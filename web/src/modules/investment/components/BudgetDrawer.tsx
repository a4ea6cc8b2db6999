import { App, Button, Flex, Form, Input, Select } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { investmentApi, investmentQueries, MONEY, type Budget, type Category } from '../api/investment.api';

type Values = { note?: string; lines: { category: string; amount: string; purpose?: string }[] };

/** Draws up or edits the year's budget, line by line by the official categories of use (R-INV-1). */
export function BudgetDrawer({ enterpriseId, year, budget, categories, onClose }: { enterpriseId: string; year: number; budget: Budget | null; categories: Category[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => investmentApi.saveBudget(enterpriseId, year, {
    note: v.note ?? '', lines: v.lines.map((l) => ({ category: l.category, amount: l.amount.trim(), purpose: l.purpose ?? '' })), ...(budget ? { version: budget.version } : {}),
  }), { invalidates: [...investmentQueries(enterpriseId), ['investment', enterpriseId, 'budget']], onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  const initial: Values = budget
    ? { note: budget.note, lines: budget.lines.map((l) => ({ category: l.category, amount: l.amount, purpose: l.purpose })) }
    : { note: '', lines: categories.slice(0, 3).map((c) => ({ category: c.code, amount: '', purpose: '' })) };
  return (
    <FormDrawer<Values> title={t(budget ? 'investment.budget.edit' : 'investment.budget.create')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      width={720} testId="investment-budget-drawer" initialValues={initial}>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap align="start">
                <Form.Item name={[field.name, 'category']} label={t('investment.budget.category')} style={{ flex: '2 1 240px', marginBottom: 8 }} rules={[{ required: true }]}>
                  <Select options={categories.map((c) => ({ value: c.code, label: c.name }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'amount']} label={t('investment.budget.amount')} style={{ flex: '1 1 120px', marginBottom: 8 }}
                  rules={[{ required: true }, { pattern: MONEY, message: t('investment.money.invalid') }]}>
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item name={[field.name, 'purpose']} label={t('investment.budget.purpose')} style={{ flex: '2 1 200px', marginBottom: 8 }} rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>{t('common.delete')}</Button>
              </Flex>
            ))}
            <Button type="dashed" block onClick={() => add({ category: categories[0]?.code, amount: '', purpose: '' })}>{t('investment.accrual.addLine')}</Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('investment.budget.note')} rules={[{ max: 2000 }]} style={{ marginTop: 12 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
    </FormDrawer>
  );
}
