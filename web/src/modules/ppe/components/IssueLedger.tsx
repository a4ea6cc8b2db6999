import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Col, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { SignDialog } from '../../../app/components/SignDialog';
import { useExport } from '../../../app/components/useExport';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { ppeApi, ppeQueries, type PpeIssue, type PpeSummary } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';
import { IssueStatusTag } from './IssueStatusTag';
import { VoidDrawer } from './VoidDrawer';

const FILTERS = ['q', 'state'] as const;
type State = 'awaiting' | 'signed' | 'voided' | 'overdue' | 'due_soon';

/**
 * The issue ledger (R-PPE-1), or its replacements due: one row per person and item issued, with the receipt, the next
 * replacement and its state. A person without an account signs here on the shared device (drawing + ID last four);
 * a manager voids a row with the reason (and records the corrected one).
 */
export function IssueLedger({ enterpriseId, summary, states, defaultState, sync, testId }: {
  enterpriseId: string; summary: PpeSummary; states: readonly State[]; defaultState?: State; sync: 'url' | 'local'; testId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useListState({ sync, filterKeys: FILTERS, defaultOrder: 'desc' });
  const state = states.find((s) => s === list.filters.state) ?? defaultState;
  const query = { ...list.query, state };
  const { data, error, loading, reload } = useApiQuery(['ppe', enterpriseId, 'issues', query], (signal) => ppeApi.issues(enterpriseId, query, signal));
  const [signing, setSigning] = useState<PpeIssue | null>(null);
  const [voiding, setVoiding] = useState<PpeIssue | null>(null);
  const { exporting, start } = useExport();
  const signFor = useApiMutation((i: { issue: PpeIssue; idLast4: string; imageAttachmentId: string; device: string }) =>
    ppeApi.signFor(enterpriseId, i.issue.id, { idLast4: i.idLast4, imageAttachmentId: i.imageAttachmentId, device: i.device }),
  { invalidates: ppeQueries(enterpriseId), onSuccess: () => { void message.success(t('ppe.signed')); setSigning(null); } });
  return (
    <div data-testid={testId}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <Input.Search key={list.filters.q ?? ''} defaultValue={list.filters.q} allowClear placeholder={t('ppe.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={16} md={8}>
          <Select style={{ width: '100%' }} allowClear={!defaultState} value={state} placeholder={t('ppe.filter.state')}
            onChange={(v?: string) => list.setFilters({ state: v })} options={states.map((s) => ({ value: s, label: t(`ppe.filter.${s}`) }))} data-testid={`${testId}-state`} />
        </Col>
        <Col xs={8} md={6}>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void start((p) => ppeApi.exportIssues(enterpriseId, query, p))}>{t('ppe.export')}</Button>
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<PpeIssue>
          list={list} data={data} loading={loading} empty={t(defaultState ? 'ppe.due.empty' : 'ppe.ledger.empty')} testId={`${testId}-table`}
          columns={[
            { key: 'name', title: t('ppe.col.person'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <><div>{r.employeeName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.orgUnitName}{r.postName ? ` · ${r.postName}` : ''}</Typography.Text></> },
            { key: 'item', title: t('ppe.col.item'), render: (_: unknown, r) => `${r.itemName} × ${r.quantity}` },
            { key: 'issuedOn', dataIndex: 'issuedOn', title: t('ppe.col.issuedOn'), sorter: true, sortOrder: list.sortOrderOf('issuedOn') },
            { key: 'nextReplacement', title: t('ppe.col.next'), sorter: true, sortOrder: list.sortOrderOf('nextReplacement'), render: (_: unknown, r) => r.nextReplacement ?? t('ppe.cycle.none') },
            { key: 'status', title: t('ppe.col.status'), render: (_: unknown, r) => (
              <>
                <IssueStatusTag issue={r} />
                {r.signMethod && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`ppe.sign.method.${r.signMethod}`)}</Typography.Text>}
                {r.voidReason && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.voidReason}</Typography.Text></div>}
              </>
            ) },
            { key: 'actions', title: '', render: (_: unknown, r) => (
              <Space size={4} wrap>
                {r.abilities.canSignFor && <Button size="small" type="primary" onClick={() => setSigning(r)} data-testid="ppe-sign-for">{t('ppe.signFor')}</Button>}
                {r.abilities.canVoid && <Button size="small" danger onClick={() => setVoiding(r)}>{t('ppe.void')}</Button>}
              </Space>
            ) },
          ]}
        />
      )}
      {signing && (
        <SignDialog enterpriseId={enterpriseId} mode="other" title={t('ppe.signFor.title')}
          intro={t('ppe.signFor.intro', { name: signing.employeeName, item: signing.itemName, quantity: signing.quantity, issuedOn: signing.issuedOn })}
          people={[{ id: signing.employeeId, name: signing.employeeName, hint: signing.orgUnitName }]}
          onSign={async (o) => { if (o.method === 'proxy_pad') await signFor.run({ issue: signing, idLast4: o.idLast4, imageAttachmentId: o.imageAttachmentId, device: o.device }); }}
          onClose={() => setSigning(null)} />
      )}
      {voiding && <VoidDrawer enterpriseId={enterpriseId} summary={summary} issue={voiding} onClose={() => setVoiding(null)} />}
    </div>
  );
}
