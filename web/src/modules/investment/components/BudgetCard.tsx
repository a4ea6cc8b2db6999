import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { formatMoney, investmentApi, investmentQueries, type InvestmentYear } from '../api/investment.api';
import { BudgetDrawer } from './BudgetDrawer';

/**
 * The year's safety investment budget by category of use, with what has been used against each; the safety manager
 * draws it up, the principal approves it with his signature, after which it never changes (R-INV-1).
 */
export function BudgetCard({ data }: { data: InvestmentYear }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const eid = data.enterpriseId;
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);
  const q = useApiQuery(['investment', eid, 'budget', data.year], (signal) => investmentApi.budget(eid, data.year, signal), !!data.budget);
  const budget = data.budget ? q.data ?? null : null;
  const invalidates = [...investmentQueries(eid), ['investment', eid, 'budget']];
  const approve = useApiMutation((v: SignOutcome) => investmentApi.approveBudget(eid, data.year, v), {
    invalidates, onSuccess: () => { void message.success(t('investment.budget.approved')); setSigning(false); },
  });
  const remove = useApiMutation(() => investmentApi.deleteBudget(eid, data.year), { invalidates });
  const canEdit = budget ? budget.abilities.canEdit : data.abilities.canManage;
  return (
    <Card size="small" title={t('investment.budget.title')} data-testid="investment-budget"
      extra={(
        <Space wrap>
          {budget?.abilities.canApprove && <Button type="primary" onClick={() => setSigning(true)} data-testid="budget-approve">{t('investment.budget.approve')}</Button>}
          {canEdit && <Button onClick={() => setEditing(true)} data-testid="budget-edit">{t(budget ? 'investment.budget.edit' : 'investment.budget.create')}</Button>}
          {budget?.abilities.canEdit && (
            <Popconfirm title={t('investment.budget.deleteConfirm')} onConfirm={() => remove.run(undefined).catch(() => undefined)}>
              <Button danger type="text">{t('common.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}>
      {!data.budget ? <Empty description={t('investment.budget.none')} /> : budget && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            {budget.status === 'approved'
              ? <Tag color="success">{t('investment.budget.approvedBy', { name: budget.approvedByName ?? '', at: formatDateTime(budget.approvedAt) })}</Tag>
              : <Tag color="warning">{t('investment.budget.draft')}</Tag>}
            <Typography.Text strong>{t('investment.budget.total', { total: formatMoney(budget.total) })}</Typography.Text>
          </Space>
          {budget.note && <Typography.Paragraph type="secondary">{budget.note}</Typography.Paragraph>}
          <Table size="small" rowKey="category" pagination={false} scroll={{ x: 520 }} dataSource={budget.byCategory}
            columns={[
              { key: 'c', title: t('investment.budget.category'), dataIndex: 'categoryName' },
              { key: 'b', title: t('investment.budget.amount'), align: 'right', render: (_: unknown, r) => formatMoney(r.budgeted) },
              { key: 'u', title: t('investment.budget.used'), align: 'right', render: (_: unknown, r) => formatMoney(r.used) },
            ]} />
        </>
      )}
      {remove.error && <Alert type="error" showIcon message={remove.error.message} />}
      {editing && <BudgetDrawer enterpriseId={eid} year={data.year} budget={budget} categories={data.categories} onClose={() => setEditing(false)} />}
      {signing && budget && (
        <SignDialog enterpriseId={eid} mode="self" title={t('investment.budget.approveTitle', { year: data.year })} onSign={approve.run} onClose={() => setSigning(false)}
          intro={<Alert type="info" showIcon message={`${t('investment.budget.total', { total: formatMoney(budget.total) })}。${t('investment.budget.approveHint')}`} />} />
      )}
    </Card>
  );
}
