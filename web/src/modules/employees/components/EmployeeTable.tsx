import { BookOutlined, DeleteOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { ListTable } from '../../../app/components/ListTable';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { Employee } from '../api/employees.api';
import { EmploymentFormTag } from './EmploymentFormTag';

type Props = {
  list: ListState;
  data: Page<Employee> | undefined;
  loading: boolean;
  canManage: boolean;
  canAudit: boolean;
  onEdit: (e: Employee) => void;
  onDelete: (e: Employee) => void;
};

export function EmployeeTable({ list, data, loading, canManage, canAudit, onEdit, onDelete }: Props) {
  const { t, tx } = useI18n();
  const isMobile = useIsMobile();
  // R-TRN-1: each person's 一人一档 training archive, for whoever reads his own enterprise's training (the archive page
  // is the enterprise's own; a regulator's enterprise file has the training tab instead).
  const { me } = useAuth();
  const canArchive = !!me?.scope.enterpriseId && me.permissions.includes('training.read');
  const columns: ColumnsType<Employee> = [
    { key: 'name', dataIndex: 'name', title: t('employee.name'), sorter: true, sortOrder: list.sortOrderOf('name'), fixed: isMobile ? undefined : 'left' },
    { key: 'idNumberMasked', dataIndex: 'idNumberMasked', title: t('employee.idNumber'), render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { key: 'phone', dataIndex: 'phone', title: t('employee.phone'), render: (v: string) => v || '—' },
    { key: 'employmentForm', dataIndex: 'employmentForm', title: t('employee.employmentForm'), render: (v: Employee['employmentForm']) => <EmploymentFormTag form={v} /> },
    { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('employee.orgUnit') },
    {
      key: 'posts', dataIndex: 'posts', title: t('employee.posts'),
      render: (posts: Employee['posts']) => (posts.length === 0 ? '—' : <Space size={4} wrap>{posts.map((p) => <Tag key={p.id}>{p.name}</Tag>)}</Space>),
    },
    { key: 'hireDate', dataIndex: 'hireDate', title: t('employee.hireDate'), sorter: true, sortOrder: list.sortOrderOf('hireDate'), render: (v: string | null) => formatDate(v) },
    {
      key: 'status', dataIndex: 'status', title: t('employee.status'),
      render: (v: Employee['status']) => <Tag color={v === 'active' ? 'green' : 'default'}>{tx(`employeeStatus.${v}`, v)}</Tag>,
    },
  ];
  if (canManage || canAudit || canArchive) {
    columns.push({
      key: 'actions', title: t('common.actions'), fixed: isMobile ? undefined : 'right',
      render: (_, e) => (
        <Space size={0}>
          {canManage && (
            <Tooltip title={t('common.edit')}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(e)} aria-label={t('common.edit')} data-testid="employee-edit" />
            </Tooltip>
          )}
          {canArchive && (
            <Tooltip title={t('training.archive')}>
              <Link to={`/training/people/${e.id}`}>
                <Button type="link" size="small" icon={<BookOutlined />} aria-label={t('training.archive')} data-testid="employee-training-archive" />
              </Link>
            </Tooltip>
          )}
          {canAudit && (
            <Tooltip title={t('audit.history')}>
              <Link to={`/audit?entityType=employee&entityId=${e.id}`}>
                <Button type="link" size="small" icon={<HistoryOutlined />} aria-label={t('audit.history')} />
              </Link>
            </Tooltip>
          )}
          {canManage && (
            <Popconfirm
              title={t('employee.deleteConfirm', { name: e.name })}
              onConfirm={() => onDelete(e)}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="employee-delete" />
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  return (
    <ListTable<Employee>
      testId="employee-table"
      list={list}
      data={data}
      loading={loading}
      columns={columns}
      empty={t('employee.empty')}
    />
  );
}
