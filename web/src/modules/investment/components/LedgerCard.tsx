import { App, Button, Card, Checkbox, Flex, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { formatMoney, investmentApi, investmentQueries, type InvestmentYear, type Use } from '../api/investment.api';
import { UseDrawer } from './UseDrawer';

/** The year's usage ledger with its sums, the flag on spending outside the categories, vouchers and the .xlsx import. */
export function LedgerCard({ data }: { data: InvestmentYear }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const eid = data.enterpriseId;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [onlyIneligible, setOnlyIneligible] = useState(false);
  const [editing, setEditing] = useState<Use | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const query = { year: data.year, ...page, ...(onlyIneligible ? { ineligible: 'yes' } : {}) };
  const q = useApiQuery(['investment', eid, 'uses', query], (signal) => investmentApi.uses(eid, query, signal));
  const invalidates = investmentQueries(eid);
  const remove = useApiMutation((id: string) => investmentApi.deleteUse(eid, id), { invalidates });
  const voucher = useApiMutation((v: { id: string; file: File }) => investmentApi.uploadVoucher(eid, v.id, v.file), {
    invalidates, onSuccess: () => { void message.success(t('investment.ledger.uploaded')); },
  });
  const canCreate = q.data?.abilities.canCreate ?? false;
  return (
    <Card size="small" title={t('investment.ledger.title')} data-testid="investment-ledger"
      extra={canCreate && (
        <Space wrap>
          <Button type="primary" onClick={() => setEditing(null)} data-testid="use-add">{t('investment.ledger.add')}</Button>
          <Button onClick={() => setImporting(true)} data-testid="use-import">{t('investment.ledger.import')}</Button>
        </Space>
      )}>
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text>{q.data && t('investment.ledger.sum', { sum: formatMoney(q.data.sum), ineligible: formatMoney(q.data.ineligibleSum) })}</Typography.Text>
        <Checkbox checked={onlyIneligible} onChange={(e) => { setOnlyIneligible(e.target.checked); setPage((p) => ({ ...p, page: 1 })); }}>{t('investment.ledger.onlyIneligible')}</Checkbox>
      </Flex>
      <Table<Use> size="small" rowKey="id" loading={q.loading} dataSource={q.data?.items ?? []} scroll={{ x: 760 }} locale={{ emptyText: t('investment.ledger.empty') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }), size: 'small' }}
        columns={[
          { key: 'd', title: t('investment.ledger.date'), width: 110, render: (_: unknown, r) => formatDate(r.usedOn) },
          { key: 'c', title: t('investment.ledger.category'), render: (_: unknown, r) => (r.eligible ? r.categoryName : <Tag color="warning">{r.categoryName}</Tag>) },
          { key: 'a', title: t('investment.ledger.amount'), align: 'right', width: 120, render: (_: unknown, r) => formatMoney(r.amount) },
          { key: 'p', title: t('investment.ledger.purpose'), dataIndex: 'purpose' },
          {
            key: 'v', title: t('investment.ledger.vouchers'), responsive: ['md'],
            render: (_: unknown, r) => (
              <Space wrap size={4}>
                {r.voucherNo && <Typography.Text type="secondary">{r.voucherNo}</Typography.Text>}
                {r.vouchers.map((v, i) => <a key={v.id} href={investmentApi.voucherUrl(eid, v.id)} target="_blank" rel="noreferrer">{v.name || `#${i + 1}`}</a>)}
              </Space>
            ),
          },
          {
            key: 'x', title: t('common.actions'), width: 150,
            render: (_: unknown, r) => r.abilities.canEdit && (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button>
                <Upload showUploadList={false} accept="image/*,.pdf,.docx" beforeUpload={(file) => { void voucher.run({ id: r.id, file }).catch(() => undefined); return false; }}>
                  <Button type="link" size="small">{t('investment.ledger.upload')}</Button>
                </Upload>
                <Popconfirm title={t('investment.ledger.deleteConfirm')} onConfirm={() => remove.run(r.id).catch(() => undefined)}>
                  <Button type="link" size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]} />
      {voucher.error && <Typography.Text type="danger">{voucher.error.message}</Typography.Text>}
      {editing !== undefined && <UseDrawer enterpriseId={eid} use={editing} categories={data.categories} onClose={() => setEditing(undefined)} />}
      {importing && (
        <SpreadsheetImportModal title={t('investment.ledger.import')} hint={t('investment.ledger.importHint')} width={760} testId="investment-import"
          upload={(file, mode) => investmentApi.import(eid, file, mode)} downloadTemplate={() => investmentApi.downloadTemplate(eid, t('investment.ledger.templateFile'))}
          onClose={() => setImporting(false)} invalidates={invalidates} />
      )}
    </Card>
  );
}
