import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi, orgQueries, type OrgUnit, type Post } from '../api/org.api';
import { PostFormModal } from './PostFormModal';

type Props = { enterpriseId: string; unit: OrgUnit };

/** The posts of the selected unit, with the key-post and special-operation flags; a change reloads the tree's counts too. */
export function PostsPanel({ enterpriseId, unit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const { data, error, loading, reload } = useApiQuery(['org', enterpriseId, 'posts', unit.id], (signal) => orgApi.posts(enterpriseId, unit.id, signal));
  const removal = useApiMutation((post: Post) => orgApi.deletePost(enterpriseId, post.id), {
    invalidates: orgQueries(enterpriseId),
    onSuccess: () => message.success(t('common.deleted')),
  });
  const manage = unit.canManage;

  const remove = async (post: Post) => {
    try {
      await removal.run(post);
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<Post> = [
    { key: 'name', dataIndex: 'name', title: t('post.name') },
    {
      key: 'flags', title: t('post.flags'),
      render: (_, p) => (
        <Space size={4} wrap>
          {p.keyPost && <Tag color="volcano">{t('post.keyPost')}</Tag>}
          {p.specialOperation && <Tag color="purple">{t('post.specialOperation')}</Tag>}
          {!p.keyPost && !p.specialOperation && '—'}
        </Space>
      ),
    },
    { key: 'certificateType', dataIndex: 'certificateType', title: t('post.certificateType'), render: (v: string | null) => v || '—' },
    { key: 'employeeCount', dataIndex: 'employeeCount', title: t('post.employeeCount'), align: 'right' },
    ...(manage ? [{
      key: 'actions', title: t('common.actions'), fixed: isMobile ? undefined : 'right' as const,
      render: (_: unknown, p: Post) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.edit')} />
          <Popconfirm
            title={t('post.deleteConfirm', { name: p.name })}
            onConfirm={() => remove(p)}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <Card
      size="small"
      title={t('post.panelTitle', { name: unit.name })}
      extra={manage && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="post-create">{t('post.create')}</Button>}
      data-testid="posts-panel"
    >
      {error
        ? <ErrorState error={error} onRetry={reload} />
        : (
          <Table<Post>
            data-testid="post-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('post.empty') }}
          />
        )}
      {editing && (
        <PostFormModal
          enterpriseId={enterpriseId}
          orgUnitId={unit.id}
          post={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
          }}
        />
      )}
    </Card>
  );
}
