import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Progress, Space, Switch, Table, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation } from '../../../app/useApi';
import { insuranceApi, insuranceQueries, type InsuranceOverview } from '../api/insurance.api';

/**
 * Work-injury insurance (R-INS-1): people covered ÷ all active employees, the uncovered listed; the principal or a
 * safety manager switches each person and saves the changes at once.
 */
export function WorkInjuryCard({ overview }: { overview: InsuranceOverview }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const showError = useShowError();
  const wi = overview.workInjury;
  const canEdit = overview.abilities.canEditWorkInjury;
  const [changes, setChanges] = useState<Map<string, boolean>>(new Map());
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const save = useApiMutation(() => insuranceApi.setWorkInjury(overview.enterpriseId, [...changes].map(([employeeId, covered]) => ({ employeeId, covered }))), {
    invalidates: insuranceQueries, onSuccess: () => { setChanges(new Map()); void message.success(t('insurance.workInjury.saved')); },
  });
  const rows = useMemo(() => wi.people.filter((p) => !onlyUncovered || !(changes.get(p.id) ?? p.covered)), [wi.people, onlyUncovered, changes]);
  return (
    <Card size="small" title={t('insurance.workInjury.title')} data-testid="work-injury"
      extra={canEdit && changes.size > 0 && <Button type="primary" size="small" loading={save.saving} onClick={() => { save.run(undefined).catch((e: unknown) => showError(e)); }} data-testid="work-injury-save">{t('common.save')}</Button>}>
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Progress type="circle" size={56} percent={wi.percent ?? 0} status={wi.covered < wi.total ? 'exception' : 'success'} format={() => `${wi.percent ?? 0}%`} />
        <Typography.Text>{t('insurance.workInjury.figure', { covered: wi.covered, total: wi.total, percent: `${wi.percent ?? 0}%` })}</Typography.Text>
        <Checkbox checked={onlyUncovered} onChange={(e) => setOnlyUncovered(e.target.checked)}>{t('insurance.workInjury.onlyUncovered')}</Checkbox>
      </Space>
      <Table rowKey="id" size="small" dataSource={rows} pagination={{ pageSize: 20, simple: isMobile }} scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('insurance.field.name') },
          { key: 'form', title: t('insurance.field.form'), render: (_: unknown, r) => t(`insurance.form.${r.employmentForm}`) },
          { key: 'unit', dataIndex: 'unitName', title: t('insurance.field.unit'), responsive: ['md'] },
          {
            key: 'covered', title: t('insurance.workInjury.covered'),
            render: (_: unknown, r) => {
              const on = changes.get(r.id) ?? r.covered;
              if (!canEdit) return <Typography.Text type={on ? undefined : 'danger'}>{t(on ? 'insurance.workInjury.covered' : 'insurance.workInjury.uncovered')}</Typography.Text>;
              return <Switch size="small" checked={on} onChange={(v) => setChanges((m) => {
                const next = new Map(m);
                if (v === r.covered) next.delete(r.id);
                else next.set(r.id, v);
                return next;
              })} />;
            },
          },
        ]} />
    </Card>
  );
}
