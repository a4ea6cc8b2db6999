import { DeleteOutlined, EditOutlined, SendOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Modal, Popconfirm, Skeleton, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type VersionSummary } from '../api/duties.api';
import { AssignDrawer } from '../components/AssignDrawer';
import { DraftEditorDrawer } from '../components/DraftEditorDrawer';
import { DutyItemsTable } from '../components/DutyItemsTable';
import { PublishDrawer } from '../components/PublishDrawer';

/** One duty list: the version in force, the draft being prepared, its history, and whom it applies to. */
export function DutyListPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<'edit' | 'publish' | 'assign' | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'lists', 'detail', id], (signal) => dutiesApi.list(enterpriseId, id, signal));
  usePageTitle(data?.name);
  const discard = useApiMutation(() => dutiesApi.discardDraft(enterpriseId, id), { invalidates: [dutyQueries(enterpriseId).all], onSuccess: () => { void message.success(t('dutyList.draftDiscarded')); } });
  const remove = useApiMutation(() => dutiesApi.deleteList(enterpriseId, id), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: () => { void message.success(t('common.deleted')); void navigate('/duty-lists'); },
  });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  const a = data.abilities;
  return (
    <div data-testid="duty-list-page">
      <PageHeader
        title={data.name}
        sub={`${t(`dutyLevel.${data.level}`)} · ${data.currentVersion ? t('dutyList.inForceSince', { version: data.currentVersion, date: formatDate(data.effectiveOn) }) : t('dutyList.unpublished')}`}
        extra={(
          <>
            {a.canEdit && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')} data-testid="duty-list-edit">{data.draft ? t('dutyList.editDraft') : t('dutyList.newVersion')}</Button>}
            {a.canPublish && <Button type="primary" icon={<SendOutlined />} onClick={() => setDrawer('publish')} data-testid="duty-list-publish">{t('dutyList.publish')}</Button>}
            {a.canAssign && <Button icon={<TeamOutlined />} onClick={() => setDrawer('assign')} data-testid="duty-list-assign">{t('dutyList.assign')}</Button>}
            {a.canEdit && data.draft && data.current && (
              <Popconfirm title={t('dutyList.discardConfirm')} onConfirm={() => discard.run(undefined).catch(showError)}>
                <Button icon={<UndoOutlined />} loading={discard.saving}>{t('dutyList.discard')}</Button>
              </Popconfirm>
            )}
            {a.canDelete && (
              <Popconfirm title={t('dutyList.deleteConfirm')} onConfirm={() => remove.run(undefined).catch(showError)}>
                <Button danger icon={<DeleteOutlined />} loading={remove.saving}>{t('common.delete')}</Button>
              </Popconfirm>
            )}
          </>
        )}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('dutyList.targets')}>
            {data.targets.length === 0 ? <Tag color="orange">{t('dutyList.unassigned')}</Tag> : data.targets.map((x) => <Tag key={x.id}>{x.type === 'orgUnit' ? x.unitPath : `${x.unitPath} / ${x.name}`}</Tag>)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          defaultActiveKey={data.current ? 'current' : 'draft'}
          items={[
            {
              key: 'current', label: t('dutyList.tabCurrent'),
              children: data.current ? <DutyItemsTable items={data.current.items} testId="duty-current-items" /> : <Empty description={t('dutyList.noCurrent')} />,
            },
            ...(data.draft ? [{
              key: 'draft', label: t('dutyList.tabDraft', { version: data.draft.version }),
              children: <>{data.draft.note && <p>{t('dutyList.changeNote')}：{data.draft.note}</p>}<DutyItemsTable items={data.draft.items} testId="duty-draft-items" /></>,
            }] : []),
            {
              key: 'versions', label: t('dutyList.tabVersions'),
              children: (
                <Table<VersionSummary>
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={data.versions}
                  scroll={{ x: 'max-content' }}
                  onRow={(v) => ({ onClick: () => v.status !== 'draft' && setViewing(v.version), style: { cursor: v.status !== 'draft' ? 'pointer' : undefined } })}
                  columns={[
                    { key: 'version', dataIndex: 'version', title: t('dutyList.version'), render: (v: number) => t('dutyList.versionN', { version: v }) },
                    { key: 'status', dataIndex: 'status', title: t('dutyList.status'), render: (_, v) => <Tag color={v.status === 'current' ? 'blue' : undefined}>{t(`dutyVersionStatus.${v.status}`)}</Tag> },
                    { key: 'effectiveOn', dataIndex: 'effectiveOn', title: t('dutyList.effectiveOn'), render: (v: string | null) => formatDate(v) },
                    { key: 'itemCount', dataIndex: 'itemCount', title: t('dutyList.items') },
                    { key: 'note', dataIndex: 'note', title: t('dutyList.changeNote') },
                    { key: 'publishedAt', title: t('dutyList.publishedBy'), render: (_, v) => (v.publishedAt ? `${v.publishedByName ?? ''} ${formatDateTime(v.publishedAt)}` : '') },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {drawer === 'edit' && <DraftEditorDrawer enterpriseId={enterpriseId} list={data} onClose={() => setDrawer(null)} />}
      {drawer === 'publish' && <PublishDrawer enterpriseId={enterpriseId} list={data} onClose={() => setDrawer(null)} />}
      {drawer === 'assign' && <AssignDrawer enterpriseId={enterpriseId} list={data} onClose={() => setDrawer(null)} />}
      {viewing !== null && <VersionModal enterpriseId={enterpriseId} listId={id} version={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

function VersionModal({ enterpriseId, listId, version, onClose }: { enterpriseId: string; listId: string; version: number; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['duties', enterpriseId, 'lists', 'version', listId, version], (signal) => dutiesApi.version(enterpriseId, listId, version, signal));
  return (
    <Modal open width={960} title={t('dutyList.versionN', { version })} onCancel={onClose} footer={null}>
      {error ? <ErrorState error={error} onRetry={reload} /> : data ? <DutyItemsTable items={data.items} /> : <Skeleton active />}
    </Modal>
  );
}
