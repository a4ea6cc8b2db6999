import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { ENTERPRISE_ROLES, ROLES } from '../../auth/api/auth.api';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { usersApi, type OneTimeCode, type UserRow } from '../api/users.api';
import { OneTimeCodeModal } from '../components/OneTimeCodeModal';
import { UserActions } from '../components/UserActions';
import { UserEditModal } from '../components/UserEditModal';
import { UserFormModal } from '../components/UserFormModal';
import { UserStatusTags } from '../components/UserStatusTags';

const FILTERS = ['q', 'role', 'enterpriseId'] as const;

export function UsersPage() {
  const { t, tx } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [shownCode, setShownCode] = useState<{ username: string; code: OneTimeCode } | null>(null);
  const { data, error, loading, reload } = useApiQuery(['users', 'list', list.query], (signal) => usersApi.list(list.query, signal));
  const manage = can('user.manage');
  const own = me.scope.enterpriseId;
  const roles = own ? ROLES.filter((r) => ENTERPRISE_ROLES.includes(r)) : ROLES;

  const columns: ColumnsType<UserRow> = [
    { key: 'username', dataIndex: 'username', title: t('user.username'), fixed: isMobile ? undefined : 'left' },
    { key: 'displayName', dataIndex: 'displayName', title: t('user.displayName') },
    { key: 'roleName', dataIndex: 'roleName', title: t('user.role') },
    { key: 'scopeName', dataIndex: 'scopeName', title: t('user.scope') },
    { key: 'status', title: t('user.status'), render: (_, u) => <UserStatusTags user={u} /> },
    { key: 'lastLoginAt', dataIndex: 'lastLoginAt', title: t('user.lastLoginAt'), render: (v: string | null) => formatDateTime(v) },
  ];
  if (manage) {
    columns.push({
      key: 'actions', title: t('common.actions'), fixed: isMobile ? undefined : 'right', width: 72,
      render: (_, u) => (
        <UserActions
          user={u}
          onEdit={() => setEditing(u)}
          onCode={(code) => setShownCode({ username: u.username, code })}
        />
      ),
    });
  }

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('nav.users')}
        extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">{t('user.create')}</Button>}
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={8}>
            <Input.Search
              key={list.filters.q ?? ''}
              defaultValue={list.filters.q}
              allowClear
              placeholder={t('user.searchPlaceholder')}
              onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
              data-testid="user-search"
            />
          </Col>
          <Col xs={24} md={8}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('user.role')}
              value={list.filters.role}
              onChange={(v?: string) => list.setFilters({ role: v })}
              options={roles.map((r) => ({ value: r, label: tx(`role.${r}`, r) }))}
            />
          </Col>
          {!own && (
            <Col xs={24} md={8}>
              <EnterprisePicker value={list.filters.enterpriseId} onChange={(id) => list.setFilters({ enterpriseId: id })} style={{ width: '100%' }} />
            </Col>
          )}
        </Row>
        {error
          ? <ErrorState error={error} onRetry={reload} />
          : <ListTable<UserRow> testId="user-table" list={list} data={data} loading={loading} columns={columns} />}
      </Card>
      {creating && (
        <UserFormModal
          onClose={() => setCreating(false)}
          onCreated={(user, code) => {
            setCreating(false);
            message.success(t('user.created'));
            setShownCode({ username: user.username, code });
          }}
        />
      )}
      {editing && (
        <UserEditModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
          }}
        />
      )}
      {shownCode && <OneTimeCodeModal username={shownCode.username} code={shownCode.code} onClose={() => setShownCode(null)} />}
    </div>
  );
}
