import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { dutiesApi, LIST_LEVELS, type ListSummary, type Target } from '../api/duties.api';
import { ListCreateDrawer } from './ListCreateDrawer';

const FILTERS = ['q', 'level', 'state'] as const;

/** A target in few words: a unit by its path, a post by its own unit and name (两个班组都有"操作工"), a person by name. */
function targetLabel(x: Target): string {
  if (x.type === 'orgUnit') return x.unitPath;
  if (x.type === 'employee') return x.name;
  return `${x.unitPath.split(' / ').pop() ?? ''}${x.name}`;
}
const STATES = ['unpublished', 'draft', 'unassigned'] as const;

/** The enterprise's duty lists: level, the version in force and since when, a waiting draft, and whom each applies to. */
export function DutyListTable({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'lists', list.query], (signal) => dutiesApi.lists(enterpriseId, list.query, signal));
  const columns: ColumnsType<ListSummary> = [
    { key: 'name', dataIndex: 'name', title: t('dutyList.name'), sorter: true, sortOrder: list.sortOrderOf('name'), render: (v: string, l) => <Link to={`/duty-lists/${l.id}`} data-testid="duty-list-link">{v}</Link> },
    { key: 'level', dataIndex: 'level', title: t('dutyList.level'), render: (_, l) => t(`dutyLevel.${l.level}`) },
    {
      key: 'version', title: t('dutyList.version'),
      render: (_, l) => (
        <Space size={4} wrap>
          {l.currentVersion ? <Tag color="blue">{t('dutyList.versionN', { version: l.currentVersion })}</Tag> : <Tag color="orange">{t('dutyList.unpublished')}</Tag>}
          {l.hasDraft && <Tag>{t('dutyList.hasDraft')}</Tag>}
        </Space>
      ),
    },
    { key: 'effectiveOn', dataIndex: 'effectiveOn', title: t('dutyList.effectiveOn'), render: (v: string | null) => formatDate(v) },
    { key: 'itemCount', dataIndex: 'itemCount', title: t('dutyList.items') },
    {
      key: 'targets', title: t('dutyList.targets'),
      render: (_, l) => (l.targets.length === 0 ? <Tag color="orange">{t('dutyList.unassigned')}</Tag>
        : l.targets.slice(0, 4).map(targetLabel).join('、') + (l.targets.length > 4 ? t('dutyList.andMore', { n: l.targets.length }) : '')),
    },
    { key: 'updatedAt', dataIndex: 'updatedAt', title: t('common.updatedAt'), sorter: true, sortOrder: list.sortOrderOf('updatedAt'), render: (v: string) => formatDate(v) },
  ];
  return (
    <div data-testid="duty-list-table">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search key={list.filters.q ?? ''} defaultValue={list.filters.q} allowClear placeholder={t('dutyList.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={5}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('dutyList.level')} value={list.filters.level} onChange={(v?: string) => list.setFilters({ level: v })}
            options={LIST_LEVELS.map((l) => ({ value: l, label: t(`dutyLevel.${l}`) }))} />
        </Col>
        <Col xs={12} md={5}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('dutyList.state')} value={list.filters.state} onChange={(v?: string) => list.setFilters({ state: v })}
            options={STATES.map((s) => ({ value: s, label: t(`dutyListState.${s}`) }))} />
        </Col>
        {data?.canManage && (
          <Col xs={24} md={6} style={{ textAlign: 'right' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="duty-list-create-button">{t('dutyList.create')}</Button>
          </Col>
        )}
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : <ListTable<ListSummary> list={list} data={data} loading={loading} columns={columns} empty={t('dutyList.empty')} />}
      {creating && <ListCreateDrawer enterpriseId={enterpriseId} onClose={() => setCreating(false)} />}
    </div>
  );
}
