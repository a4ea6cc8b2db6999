import { App, Select, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi, type Post } from '../../org/api/org.api';
import { dutiesApi, dutyQueries } from '../api/duties.api';

/** 岗位清单分配: every post with its list (one list per post); a post without a list in force is not covered. */
export function PostAssignment({ enterpriseId, canManage }: { enterpriseId: string; canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'all'], (signal) => orgApi.posts(enterpriseId, undefined, signal));
  const lists = useApiQuery(['duties', enterpriseId, 'lists', 'post-level'], (signal) => dutiesApi.lists(enterpriseId, { level: 'post', pageSize: 200 }, signal));
  const set = useApiMutation(({ postId, listId }: { postId: string; listId: string | null }) => dutiesApi.setPostList(enterpriseId, postId, listId), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: () => { void message.success(t('common.saved')); },
  });
  const listOf = useMemo(() => {
    const m = new Map<string, { id: string; name: string; current: boolean }>();
    for (const l of lists.data?.items ?? []) for (const x of l.targets) if (x.type === 'post') m.set(x.id, { id: l.id, name: l.name, current: l.currentVersion !== null });
    return m;
  }, [lists.data]);
  const failed = posts.error ?? lists.error;
  if (failed) return <ErrorState error={failed} onRetry={() => { posts.reload(); lists.reload(); }} />;
  return (
    <Table<Post>
      data-testid="duty-post-assignment"
      size="middle"
      rowKey="id"
      loading={posts.loading || lists.loading}
      dataSource={posts.data}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'unitPath', dataIndex: 'unitPath', title: t('dutyCoverage.unit') },
        { key: 'name', dataIndex: 'name', title: t('dutyAssign.post') },
        { key: 'employeeCount', dataIndex: 'employeeCount', title: t('dutyAssign.holders') },
        {
          key: 'list', title: t('dutyAssign.list'),
          render: (_, p) => {
            const l = listOf.get(p.id);
            if (!canManage) return l ? l.name : <Tag color="orange">{t('dutyAssign.none')}</Tag>;
            return (
              <Select
                style={{ minWidth: 260 }}
                allowClear
                placeholder={t('dutyAssign.choose')}
                value={l?.id}
                disabled={set.saving}
                onChange={(listId?: string) => void set.run({ postId: p.id, listId: listId ?? null }).catch(() => undefined)}
                options={(lists.data?.items ?? []).map((x) => ({ value: x.id, label: x.currentVersion ? x.name : `${x.name}（${t('dutyList.unpublished')}）` }))}
                data-testid="duty-post-list-select"
              />
            );
          },
        },
        {
          key: 'covered', title: t('dutyAssign.covered'),
          render: (_, p) => (listOf.get(p.id)?.current ? <Tag color="green">{t('dutyAssign.coveredYes')}</Tag> : <Tag color="orange">{t('dutyAssign.coveredNo')}</Tag>),
        },
      ]}
    />
  );
}
