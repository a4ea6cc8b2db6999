import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, PrinterOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDateTime } from '../../../app/format';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { CHECKLIST_LEVELS, checksApi, type ChecklistLevel, type ChecklistSummary } from '../api/checks.api';
import { checklistWhere } from './checklist-where';
import { ChecklistCreateDrawer } from './ChecklistCreateDrawer';
import { PostCardFromRiskModal } from './PostCardFromRiskModal';

/** The enterprise's checklists at three levels (R-HAZ-1), with create, generate-from-risk, print and delete. */
export function ChecklistList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [level, setLevel] = useState<ChecklistLevel | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);
  const query = { level: level === 'all' ? undefined : level };
  const { data, error, loading, reload } = useApiQuery(['checklists', enterpriseId, 'list', query], (signal) => checksApi.checklists(enterpriseId, query, signal));
  const remove = useApiMutation((id: string) => checksApi.deleteChecklist(enterpriseId, id), {
    invalidates: [['checklists', enterpriseId]],
    onSuccess: () => message.success(t('common.deleted')),
  });
  const open = (id: string) => navigate(`/checklists/${id}`);

  return (
    <div data-testid="checklist-list">
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<ChecklistLevel | 'all'>
          value={level}
          onChange={setLevel}
          options={[{ value: 'all', label: t('hazardTab.all') }, ...CHECKLIST_LEVELS.map((l) => ({ value: l, label: t(`checklistLevel.${l}`) }))]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {data?.canManage && (
          <Flex gap={8} wrap>
            <Button icon={<ThunderboltOutlined />} onClick={() => setGenerating(true)}>{t('checklist.generateFromRisk')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('checklist.create')}</Button>
          </Flex>
        )}
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<ChecklistSummary>
          size="middle"
          rowKey="id"
          loading={loading}
          dataSource={data?.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checklist.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name', dataIndex: 'name', title: t('checklist.name'),
              render: (v: string, c) => <Link to={`/checklists/${c.id}`} data-testid="checklist-link">{v}</Link>,
            },
            { key: 'level', dataIndex: 'level', title: t('checklist.level'), render: (v: ChecklistLevel) => <Tag>{t(`checklistLevel.${v}`)}</Tag> },
            { key: 'where', title: t('checklist.appliesTo'), render: (_, c) => checklistWhere(c) || t('checklist.wholeEnterprise') },
            {
              key: 'items', dataIndex: 'itemCount', title: t('checklist.items'),
              render: (v: number, c) => <>{v}{c.majorCount > 0 && <Typography.Text type="danger"> {t('checklist.majorCount', { n: c.majorCount })}</Typography.Text>}</>,
            },
            { key: 'plans', dataIndex: 'planCount', title: t('checklist.plans') },
            { key: 'updatedAt', dataIndex: 'updatedAt', title: t('common.updatedAt'), render: (v: string) => formatDateTime(v) },
            {
              key: 'actions', title: t('common.actions'),
              render: (_, c) => (
                <Flex>
                  <Link to={`/checklists/${c.id}/print`}><Button type="link" size="small" icon={<PrinterOutlined />} aria-label={t('checklist.print')} /></Link>
                  {data?.canManage && (
                    <Popconfirm
                      title={t('checklist.deleteConfirm', { name: c.name })}
                      okButtonProps={{ danger: true }}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.run(c.id).catch(showError)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {creating && <ChecklistCreateDrawer enterpriseId={enterpriseId} onClose={() => setCreating(false)} onCreated={(c) => open(c.id)} />}
      {generating && <PostCardFromRiskModal enterpriseId={enterpriseId} onClose={() => setGenerating(false)} onDone={(c) => open(c.id)} />}
    </div>
  );
}
