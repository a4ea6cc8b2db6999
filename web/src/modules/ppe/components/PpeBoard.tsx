import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useExport } from '../../../app/components/useExport';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { ppeApi, type PpeGap, type PpePost, type PpeSummary } from '../api/ppe.api';
import { useI18n, type Translate } from '../../../app/i18n';
import { IssueDrawer } from './IssueDrawer';
import { IssueLedger } from './IssueLedger';
import { PostStandardDrawer } from './PostStandardDrawer';

export const PPE_TABS = ['standards', 'ledger', 'due', 'gaps', 'units'] as const;
export type PpeTab = (typeof PPE_TABS)[number];

/**
 * An enterprise's protective equipment (R-PPE-1): each post's issue standard, the issue ledger, replacements due, the
 * people lacking what their post requires, and the figures per unit. Managers set the standards and void rows, managers
 * and team leaders issue and run the shared device; a regulator's enterprise file shows it read only.
 */
export function PpeBoard({ enterpriseId, initialTab = 'ledger', sync = 'local' }: { enterpriseId: string; initialTab?: PpeTab; sync?: 'url' | 'local' }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [localTab, setLocalTab] = useState<PpeTab>(initialTab);
  const tab = sync === 'url' ? (PPE_TABS.find((x) => x === params.get('tab')) ?? initialTab) : localTab;
  const setTab = (k: string) => (sync === 'url' ? setParams({ tab: k }) : setLocalTab(k as PpeTab));
  // After an issue the ledger shows the receipts awaited: the team leader hands his phone to each person to sign.
  const showAwaiting = () => (sync === 'url' ? setParams({ tab: 'ledger', state: 'awaiting' }) : setLocalTab('ledger'));
  const summary = useApiQuery(['ppe', enterpriseId, 'summary'], (signal) => ppeApi.summary(enterpriseId, signal));
  const [issuing, setIssuing] = useState<{ employeeIds?: string[]; item?: string } | null>(null);
  const [editing, setEditing] = useState<PpePost | null>(null);
  if (summary.error) return <ErrorState error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  if (!s) return <Skeleton active />;
  const c = s.counts;
  return (
    <div data-testid="ppe-board">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="ppe-counts">
          {t('ppe.counts', { people: c.people, missing: c.peopleMissingIssue, gaps: c.gaps, overdue: c.overdue, dueSoon: c.dueSoon, unsigned: c.unsigned })}
        </Typography.Text>
        {s.abilities.canIssue && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing({})} data-testid="ppe-issue">{t('ppe.issue')}</Button>}
      </Flex>
      {c.unmappedPosts > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ppe.unmapped', { n: c.unmappedPosts })} />}
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        { key: 'ledger', label: t('ppe.tab.ledger'), children: <IssueLedger enterpriseId={enterpriseId} summary={s} states={['awaiting', 'signed', 'voided']} sync={sync} testId="ppe-ledger" /> },
        { key: 'due', label: t('ppe.tab.due'), children: <IssueLedger enterpriseId={enterpriseId} summary={s} states={['overdue', 'due_soon']} defaultState="overdue" sync={sync} testId="ppe-due" /> },
        { key: 'gaps', label: `${t('ppe.tab.gaps')}${c.gaps ? ` (${c.gaps})` : ''}`, children: <GapList enterpriseId={enterpriseId} canIssue={s.abilities.canIssue} onIssue={setIssuing} /> },
        { key: 'standards', label: t('ppe.tab.standards'), children: <PostStandards summary={s} onEdit={s.abilities.canManage ? setEditing : undefined} /> },
        { key: 'units', label: t('ppe.tab.units'), children: <UnitFigures summary={s} /> },
      ]} />
      {issuing && <IssueDrawer enterpriseId={enterpriseId} summary={s} initial={issuing} onClose={() => setIssuing(null)} onIssued={showAwaiting} />}
      {editing && <PostStandardDrawer enterpriseId={enterpriseId} summary={s} post={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function cycleText(t: Translate, months: number | null) {
  return months === null ? t('ppe.cycle.none') : t('ppe.cycle.months', { n: months });
}

/** Each post's post type and the items it requires (quantity, replacement cycle, standard). */
function PostStandards({ summary, onEdit }: { summary: PpeSummary; onEdit?: (p: PpePost) => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  return (
    <Table<PpePost> rowKey="postId" dataSource={summary.posts} pagination={false} size={mobile ? 'small' : 'middle'} scroll={{ x: 'max-content' }} data-testid="ppe-standards"
      columns={[
        { key: 'post', title: t('ppe.col.post'), render: (_: unknown, p) => <><div>{p.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.unitPath}</Typography.Text></> },
        { key: 'type', title: t('ppe.col.postType'), render: (_: unknown, p) => (p.postTypeName
          ? <>{p.postTypeName}{p.custom && <Tag style={{ marginLeft: 6 }}>{t('ppe.post.custom')}</Tag>}</>
          : <Typography.Text type="secondary">{t('ppe.post.unmapped')}</Typography.Text>) },
        { key: 'required', title: t('ppe.col.required'), render: (_: unknown, p) => (
          <Flex wrap gap={4}>{p.required.map((l) => (
            <Tooltip key={l.item} title={l.standard}><Tag>{`${l.itemName} × ${l.quantity} · ${cycleText(t, l.cycleMonths)}`}</Tag></Tooltip>
          ))}</Flex>
        ) },
        { key: 'people', dataIndex: 'people', title: t('ppe.col.people'), align: 'right' },
        ...(onEdit ? [{ key: 'edit', title: '', render: (_: unknown, p: PpePost) => <Button size="small" onClick={() => onEdit(p)} data-testid="ppe-post-edit">{t('ppe.post.edit')}</Button> }] : []),
      ]} />
  );
}

/** R-PPE-1: the people on posts lacking an item their post requires; a manager or team leader issues it from here. */
function GapList({ enterpriseId, canIssue, onIssue }: { enterpriseId: string; canIssue: boolean; onIssue: (i: { employeeIds: string[]; item: string }) => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const gaps = useApiQuery(['ppe', enterpriseId, 'gaps'], (signal) => ppeApi.gaps(enterpriseId, signal));
  const { exporting, start } = useExport();
  if (gaps.error) return <ErrorState error={gaps.error} onRetry={gaps.reload} />;
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void start(() => ppeApi.exportGaps(enterpriseId))}>{t('ppe.export')}</Button>
      </Flex>
      <Table<PpeGap> rowKey={(g) => `${g.employeeId}:${g.item}`} dataSource={gaps.data?.items} loading={!gaps.data} size={mobile ? 'small' : 'middle'} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ppe.gaps.empty') }} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="ppe-gaps"
        columns={[
          { key: 'name', title: t('ppe.col.person'), render: (_: unknown, g) => <><div>{g.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{g.orgUnitName}</Typography.Text></> },
          { key: 'post', dataIndex: 'postName', title: t('ppe.col.post') },
          { key: 'item', title: t('ppe.col.item'), render: (_: unknown, g) => <Tooltip title={g.standard}>{g.itemName}</Tooltip> },
          ...(canIssue ? [{ key: 'issue', title: '', render: (_: unknown, g: PpeGap) => <Button size="small" onClick={() => onIssue({ employeeIds: [g.employeeId], item: g.item })}>{t('ppe.issue.fromGap')}</Button> }] : []),
        ]} />
    </>
  );
}

/** The figures per unit: people on posts, lacking PPE, replacements overdue and due soon, receipts awaited. */
function UnitFigures({ summary }: { summary: PpeSummary }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  return (
    <Table rowKey="orgUnitId" dataSource={summary.byUnit} pagination={false} size={mobile ? 'small' : 'middle'} scroll={{ x: 'max-content' }} data-testid="ppe-units"
      columns={[
        { key: 'unit', dataIndex: 'unitPath', title: t('ppe.col.unit') },
        { key: 'people', dataIndex: 'people', title: t('ppe.col.people'), align: 'right' },
        { key: 'missing', dataIndex: 'peopleMissingIssue', title: t('ppe.col.missing'), align: 'right' },
        { key: 'overdue', dataIndex: 'overdue', title: t('ppe.col.overdue'), align: 'right' },
        { key: 'dueSoon', dataIndex: 'dueSoon', title: t('ppe.col.dueSoon'), align: 'right' },
        { key: 'unsigned', dataIndex: 'unsigned', title: t('ppe.col.unsigned'), align: 'right' },
      ]} />
  );
}
