import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Space, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { buildOrgTree, siblingsOf, type OrgNode } from '../api/org-tree';
import { orgApi, orgQueries, type OrgUnit } from '../api/org.api';
import { MoveUnitModal } from './MoveUnitModal';
import { OrgUnitFormModal } from './OrgUnitFormModal';
import { OrgUnitKindTag } from './OrgUnitKindTag';
import { PostsPanel } from './PostsPanel';

type Dialog = 'add' | 'rename' | 'move' | null;

/** An enterprise's organisation: the unit tree on the left, the selected unit's posts on the right. */
export function OrgTreeEditor({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const { data: units, error, loading, reload } = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const seen = useRef(new Set<string>());
  const [dialog, setDialog] = useState<Dialog>(null);
  const renumber = useApiMutation(async (siblings: OrgUnit[]) => {
    for (const [i, u] of siblings.entries()) {
      const sort = (i + 1) * 10;
      if (u.sort !== sort) await orgApi.updateUnit(enterpriseId, u.id, { sort });
    }
  }, { invalidates: orgQueries(enterpriseId) });
  const removeUnit = useApiMutation((unit: OrgUnit) => orgApi.deleteUnit(enterpriseId, unit.id), {
    invalidates: orgQueries(enterpriseId),
    onSuccess: (_, unit) => {
      message.success(t('common.deleted'));
      setSelectedId(unit.parentId);
    },
  });
  const busy = renumber.saving;

  const tree = useMemo(() => buildOrgTree(units ?? []), [units]);
  const selected = units?.find((u) => u.id === selectedId) ?? tree[0];

  // Everything starts expanded; units added later open too, units collapsed by the user stay closed.
  useEffect(() => {
    if (!units) return;
    const fresh = units.map((u) => u.id).filter((id) => !seen.current.has(id));
    for (const id of fresh) seen.current.add(id);
    if (fresh.length > 0) setExpanded((prev) => [...(prev ?? []), ...fresh]);
  }, [units]);

  const treeData = useMemo(() => {
    const toData = (n: OrgNode): DataNode => ({
      key: n.id,
      title: (
        <span data-testid="org-node" data-unit-id={n.id} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <OrgUnitKindTag kind={n.kind} />
          <span>{n.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('org.counts', { employees: n.employeeCount, posts: n.postCount })}
          </Typography.Text>
        </span>
      ),
      children: n.children.map(toData),
    });
    return tree.map(toData);
  }, [tree, t]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!units) return loading ? <PageLoading /> : null;
  if (units.length === 0 || !selected) return <Empty description={t('org.empty')} />;

  const isRoot = selected.parentId === null;
  const parent = units.find((u) => u.id === selected.parentId);
  const siblings = siblingsOf(units, selected);
  const index = siblings.findIndex((s) => s.id === selected.id);

  // Siblings are renumbered 10, 20, 30… so a move is always visible even when every sort was 0.
  const reorder = async (delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= siblings.length) return;
    const next = [...siblings];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    try {
      await renumber.run(next);
    } catch (e) {
      showError(e);
      // Some siblings may have moved before the failure: show the order as it now is.
      reload();
    }
  };

  const remove = (unit: OrgUnit) => {
    modal.confirm({
      title: t('org.deleteConfirm', { name: unit.name }),
      content: t('org.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await removeUnit.run(unit);
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  const manage = selected.canManage;
  const parentManage = parent?.canManage ?? false;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('org.treeTitle')}
          extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('org.unitCount', { n: units.length })}</Typography.Text>}
        >
          {manage && (
            <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="org-toolbar">
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="org-add">{t('org.addChild')}</Button>
              <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="org-rename">{t('org.rename')}</Button>
              {!isRoot && parentManage && (
                <>
                  <Button size="small" icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="org-move">{t('org.move')}</Button>
                  <Space.Compact>
                    <Tooltip title={t('org.moveUp')}>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={busy || index <= 0} onClick={() => void reorder(-1)} aria-label={t('org.moveUp')} data-testid="org-up" />
                    </Tooltip>
                    <Tooltip title={t('org.moveDown')}>
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={busy || index >= siblings.length - 1} onClick={() => void reorder(1)} aria-label={t('org.moveDown')} data-testid="org-down" />
                    </Tooltip>
                  </Space.Compact>
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(selected)} data-testid="org-delete">{t('common.delete')}</Button>
                </>
              )}
            </Flex>
          )}
          <div data-testid="org-tree" style={{ overflowX: 'auto' }}>
            <Tree
              blockNode
              showLine
              treeData={treeData}
              selectedKeys={[selected.id]}
              expandedKeys={expanded ?? []}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) setSelectedId(String(key));
              }}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <PostsPanel key={selected.id} enterpriseId={enterpriseId} unit={selected} />
      </Col>
      {(dialog === 'add' || dialog === 'rename') && (
        dialog === 'add'
          ? (
            <OrgUnitFormModal
              mode="create"
              enterpriseId={enterpriseId}
              parent={selected}
              onClose={() => setDialog(null)}
              onSaved={(u) => {
                setDialog(null);
                message.success(t('common.saved'));
                setSelectedId(u.id);
              }}
            />
          )
          : (
            <OrgUnitFormModal
              mode="rename"
              enterpriseId={enterpriseId}
              unit={selected}
              onClose={() => setDialog(null)}
              onSaved={() => {
                setDialog(null);
                message.success(t('common.saved'));
              }}
            />
          )
      )}
      {dialog === 'move' && (
        <MoveUnitModal
          enterpriseId={enterpriseId}
          unit={selected}
          units={units}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success(t('common.saved'));
          }}
        />
      )}
    </Row>
  );
}
