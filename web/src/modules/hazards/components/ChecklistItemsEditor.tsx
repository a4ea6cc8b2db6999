import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { CHECK_CYCLES, checksApi, type ChecklistDetail, type ChecklistItem, type ChecklistItemInput, type CheckCycle } from '../api/checks.api';
import { ItemPickerDrawer } from './ItemPickerDrawer';

/** A row being edited: an item already on the list (with its copy of the text) or one just picked (text follows on save). */
type Row = ChecklistItemInput & { key: string; item?: ChecklistItem };

type Props = { enterpriseId: string; checklist: ChecklistDetail; onSaved: (c: ChecklistDetail) => void };

const keyOf = (source: string, sourceId: string | null) => `${source}:${sourceId ?? ''}`;

/** The items of a checklist: content, method, frequency and responsible role; managers add, remove and adjust them. */
export function ChecklistItemsEditor({ enterpriseId, checklist, onSaved }: Props) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [picking, setPicking] = useState(false);
  const editing = rows !== null;
  const update = useApiMutation((items: ChecklistItemInput[]) => checksApi.updateChecklist(enterpriseId, checklist.id, { items }), {
    invalidates: [['checklists', enterpriseId]],
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      setRows(null);
      onSaved(saved);
    },
  });

  const startEdit = () => setRows(checklist.items.filter((i) => i.sourceId).map((i) => ({
    key: keyOf(i.source, i.sourceId), item: i, source: i.source, sourceId: i.sourceId!, method: i.method,
    cycle: (i.cycle ?? undefined) as CheckCycle | undefined, responsible: i.responsible,
  })));
  const patch = (key: string, p: Partial<Row>) => setRows((rs) => rs?.map((r) => (r.key === key ? { ...r, ...p } : r)) ?? null);

  const save = async () => {
    if (!rows) return;
    try {
      await update.run(rows.map(({ source, sourceId, method, cycle, responsible }) => ({ source, sourceId, method, cycle, responsible })));
    } catch (e) {
      showError(e);
    }
  };

  const view = checklist.items;
  return (
    <div data-testid="checklist-items">
      {checklist.canManage && (
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
          {editing ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setPicking(true)}>{t('checklist.addItems')}</Button>
              <Button onClick={() => setRows(null)}>{t('common.cancel')}</Button>
              <Button type="primary" loading={update.saving} onClick={() => void save()}>{t('common.save')}</Button>
            </>
          ) : <Button type="primary" onClick={startEdit} data-testid="checklist-edit-items">{t('checklist.editItems')}</Button>}
        </Flex>
      )}
      {editing ? (
        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'no', title: '#', width: 48, render: (_, __, i) => i + 1 },
            {
              key: 'content', title: t('library.content'),
              render: (_, r) => <div style={{ maxWidth: 380, whiteSpace: 'normal' }}>{r.item?.content ?? <Typography.Text type="secondary">{t('checklist.newItem', { source: t(`itemSource.${r.source}`) })}</Typography.Text>}</div>,
            },
            { key: 'method', title: t('check.method'), render: (_, r) => <LimitedTextArea autoSize style={{ minWidth: 200 }} value={r.method} onChange={(e) => patch(r.key, { method: e.target.value })} max={500} /> },
            {
              key: 'cycle', title: t('checklist.cycle'),
              render: (_, r) => (
                <Select style={{ width: 110 }} allowClear value={r.cycle} onChange={(v?: CheckCycle) => patch(r.key, { cycle: v })} options={CHECK_CYCLES.map((c) => ({ value: c, label: t(`checkCycle.${c}`) }))} />
              ),
            },
            { key: 'responsible', title: t('checklist.responsible'), render: (_, r) => <LimitedInput style={{ width: 160 }} value={r.responsible} onChange={(e) => patch(r.key, { responsible: e.target.value })} max={100} /> },
            { key: 'del', title: '', render: (_, r) => <Button type="link" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => setRows((rs) => rs?.filter((x) => x.key !== r.key) ?? null)} /> },
          ]}
        />
      ) : (
        <Table<ChecklistItem>
          size="small"
          rowKey="id"
          dataSource={view}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'no', title: '#', width: 48, render: (_, __, i) => i + 1 },
            { key: 'category', dataIndex: 'category', title: t('library.category') },
            {
              key: 'content', dataIndex: 'content', title: t('library.content'),
              render: (v: string, i) => <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>{i.majorCriterion && <Tag color="red">{t('check.majorCriterion')}</Tag>}{v}</div>,
            },
            { key: 'method', dataIndex: 'method', title: t('check.method'), render: (v: string) => <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>{v || '—'}</div> },
            { key: 'cycle', dataIndex: 'cycle', title: t('checklist.cycle'), render: (v: string | null) => (v ? tx(`checkCycle.${v}`, v) : '—') },
            { key: 'responsible', dataIndex: 'responsible', title: t('checklist.responsible'), render: (v: string) => v || '—' },
            { key: 'source', dataIndex: 'source', title: t('checklist.source'), render: (v: string) => <Tag>{tx(`itemSource.${v}`, v)}</Tag> },
          ]}
        />
      )}
      {picking && rows && (
        <ItemPickerDrawer
          enterpriseId={enterpriseId}
          postId={checklist.postId ?? undefined}
          existing={new Set(rows.map((r) => r.key))}
          onClose={() => setPicking(false)}
          onPick={(items) => {
            setRows((rs) => [...(rs ?? []), ...items.map((i) => ({ ...i, key: keyOf(i.source, i.sourceId) }))]);
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}
