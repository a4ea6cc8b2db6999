import { Alert, Button, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { investmentApi } from '../api/investment.api';
import { AccrualCard } from './AccrualCard';
import { AuditsCard } from './AuditsCard';
import { BudgetCard } from './BudgetCard';
import { ChecksCard } from './ChecksCard';
import { FiguresCard } from './FiguresCard';
import { LedgerCard } from './LedgerCard';
import { YearDrawer } from './YearDrawer';

/**
 * One enterprise's safety investment for a year (R-INV-1): the account and its flags, the accrual calculator, the
 * budget, the ledger, the audits and the principal's check. Regulators see it read-only (the abilities say so).
 */
export function InvestmentDetail({ enterpriseId, initialYear }: { enterpriseId: string; initialYear?: number }) {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>(initialYear);
  const [editingYear, setEditingYear] = useState(false);
  const q = useApiQuery(['investment', enterpriseId, 'year', year ?? 'current'], (signal) => investmentApi.year(enterpriseId, year, signal));
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  const data = q.data;
  if (!data) return <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid="investment-detail">
      <Flex wrap gap={12} align="center">
        <Typography.Text>{t('investment.year')}</Typography.Text>
        <InputNumber min={2000} max={2100} precision={0} value={data.year} onChange={(v) => { if (typeof v === 'number' && v >= 2000 && v <= 2100) setYear(v); }} data-testid="investment-year" />
        {data.accrual && <Typography.Text type="secondary">{t('investment.accrual.kept', { version: data.accrual.ruleSetVersion })} · {formatDateTime(data.accrual.computedAt)}</Typography.Text>}
      </Flex>
      {!data.applies && <Alert type="info" showIcon message={t('investment.notApplicable')} />}
      {data.abilities.yearClosed && <Alert type="success" showIcon message={t('investment.closed')} />}
      <FiguresCard figures={data.figures} extra={data.abilities.canManage && <Button size="small" onClick={() => setEditingYear(true)}>{t('investment.year.edit')}</Button>} />
      {data.applies && <AccrualCard data={data} />}
      <BudgetCard data={data} />
      <LedgerCard data={data} />
      <AuditsCard enterpriseId={enterpriseId} year={data.year} />
      <ChecksCard enterpriseId={enterpriseId} year={data.year} closed={data.abilities.yearClosed} />
      {editingYear && <YearDrawer data={data} onClose={() => setEditingYear(false)} />}
    </Flex>
  );
}
