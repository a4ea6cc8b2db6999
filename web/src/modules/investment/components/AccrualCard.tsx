import { Alert, Button, Card, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { formatMoney, investmentApi, investmentQueries, MONEY, type Accrual, type InvestmentYear } from '../api/investment.api';

type Line = { schedule: string; base: string };

/**
 * The accrual calculator of 财资〔2022〕136号 (R-INV-1 [cfg]): the schedules of the enterprise's industry, each with its
 * base (prior-year revenue, project cost by type, output); preview, or keep as the year's required accrual. A schedule
 * the district admin has not verified is marked and refused by the server with its reason.
 */
export function AccrualCard({ data }: { data: InvestmentYear }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ lines: Line[] }>();
  const [result, setResult] = useState<Accrual | null>(null);
  const run = useApiMutation((save: boolean) => investmentApi.accrual(data.enterpriseId, data.year, {
    inputs: (form.getFieldValue('lines') as Line[]).filter((l) => l?.schedule && l.base).map((l) => ({ schedule: l.schedule, base: l.base.trim() })), save,
  }), { invalidates: investmentQueries(data.enterpriseId), onSuccess: (r) => setResult(r) });
  const initial = data.accrual?.inputs.length ? data.accrual.inputs : [{ schedule: data.schedules[0]?.key ?? '', base: '' }];
  const basisOf = (key: string) => data.schedules.find((s) => s.key === key)?.basis ?? 'revenue_progressive';
  const shown = result ?? (data.accrual ? { total: data.figures.required ?? '0', lines: data.accrual.lines, ruleSetVersion: data.accrual.ruleSetVersion, saved: true, year: data.year } : null);
  const canManage = data.abilities.canManage;
  return (
    <Card size="small" title={t('investment.accrual.title')} data-testid="investment-accrual">
      <Typography.Paragraph type="secondary">{t('investment.accrual.hint')}</Typography.Paragraph>
      {canManage && (
        <Form form={form} layout="vertical" initialValues={{ lines: initial }}>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="start">
                    <Form.Item name={[field.name, 'schedule']} label={t('investment.accrual.schedule')} style={{ flex: '2 1 260px', marginBottom: 8 }} rules={[{ required: true }]}>
                      <Select options={data.schedules.map((s) => ({
                        value: s.key, label: <span title={t('investment.accrual.source', { source: s.source })}>{s.name}{!s.verified && <Tag color="warning" style={{ marginLeft: 6 }}>{t('investment.accrual.unverified')}</Tag>}</span>,
                      }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => (
                        <Form.Item name={[field.name, 'base']} label={t(`investment.accrual.base.${basisOf(form.getFieldValue(['lines', field.name, 'schedule']) as string)}`)}
                          style={{ flex: '1 1 180px', marginBottom: 8 }} rules={[{ required: true }, { pattern: MONEY, message: t('investment.money.invalid') }]}>
                          <Input inputMode="decimal" />
                        </Form.Item>
                      )}
                    </Form.Item>
                    {fields.length > 1 && <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>{t('common.delete')}</Button>}
                  </Flex>
                ))}
                {data.schedules.length > 1 && <Button type="dashed" onClick={() => add({ schedule: data.schedules[0]?.key, base: '' })}>{t('investment.accrual.addLine')}</Button>}
              </>
            )}
          </Form.List>
          <Space wrap style={{ marginTop: 12 }}>
            <Button onClick={() => void form.validateFields().then(() => run.run(false)).catch(() => undefined)} loading={run.saving} data-testid="accrual-preview">{t('investment.accrual.preview')}</Button>
            <Button type="primary" onClick={() => void form.validateFields().then(() => run.run(true)).catch(() => undefined)} loading={run.saving} data-testid="accrual-save">{t('investment.accrual.save')}</Button>
          </Space>
        </Form>
      )}
      {run.error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={run.error.message} />}
      {shown && (
        <div style={{ marginTop: 12 }} data-testid="accrual-result">
          <Typography.Title level={5}>{t('investment.accrual.total', { total: formatMoney(shown.total) })}</Typography.Title>
          {shown.lines.map((l, i) => (
            <div key={`${l.schedule}-${i}`}>
              <Typography.Text strong>{l.name}：{formatMoney(l.base)} → {formatMoney(l.amount)}</Typography.Text>
              {l.bands?.map((b) => (
                <div key={b.from}><Typography.Text type="secondary">
                  {b.to ? t('investment.accrual.band', { from: formatMoney(b.from), to: formatMoney(b.to), part: formatMoney(b.part), rate: b.rate, amount: formatMoney(b.amount) })
                    : t('investment.accrual.bandTop', { from: formatMoney(b.from), part: formatMoney(b.part), rate: b.rate, amount: formatMoney(b.amount) })}
                </Typography.Text></div>
              ))}
            </div>
          ))}
          <Typography.Text type="secondary">{shown.saved ? t('investment.accrual.kept', { version: shown.ruleSetVersion }) : ''}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
