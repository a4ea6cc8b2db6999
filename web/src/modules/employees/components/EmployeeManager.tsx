import { useState } from 'react';
import { ExportOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useAuth } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { orgApi } from '../../org/api/org.api';
import { employeesApi, type Employee } from '../api/employees.api';
import { EmployeeFilters } from './EmployeeFilters';
import { EmployeeFormDrawer } from './EmployeeFormDrawer';
import { EmployeeImportModal } from './EmployeeImportModal';
import { EmployeeTable } from './EmployeeTable';
import { useExport } from '../../../app/components/useExport';

const FILTERS = ['q', 'orgUnitId', 'employmentForm', 'status'] as const;

/** The employee ledger of one enterprise: filters, table, create/edit drawer, Excel import and export. */
export function EmployeeManager({ enterpriseId, sync = 'local' }: { enterpriseId: string; sync?: 'url' | 'local' }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useListState({ sync, filterKeys: FILTERS });
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const { exporting, start } = useExport();
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal), can('orgunit.read'));
  const { data, error, loading, reload } = useApiQuery(
    ['employees', enterpriseId, 'list', list.query],
    (signal) => employeesApi.list(enterpriseId, list.query, signal),
  );
  const removal = useApiMutation((e: Employee) => employeesApi.remove(enterpriseId, e.id), {
    invalidates: [['employees', enterpriseId], ['org', enterpriseId]],
    onSuccess: () => message.success(t('common.deleted')),
  });
  // The server's abilities decide (a unit leader may read but not manage); permissions are the fallback.
  const manage = data?.abilities?.canManage ?? can('employee.manage');
  const canImport = data?.abilities?.canImport ?? can('employee.import');
  const canExport = data?.abilities?.canExport ?? can('employee.export');

  const openEdit = async (e: Employee) => {
    try {
      setEditing(await employeesApi.get(enterpriseId, e.id));
    } catch (err) {
      showError(err);
    }
  };

  const remove = async (e: Employee) => {
    try {
      await removal.run(e);
    } catch (err) {
      showError(err);
    }
  };

  const exportList = () => {
    return start((onProgress) => {
      const { page: _page, pageSize: _pageSize, ...filters } = list.query;
      return employeesApi.exportList(enterpriseId, filters, t('employee.exportFile'), onProgress);
    });
  };

  return (
    <div data-testid="employee-manager">
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        {canExport && (
          <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="employee-export">{t('employee.export')}</Button>
        )}
        {canImport && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="employee-import-button">{t('employee.import')}</Button>
        )}
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="employee-create">{t('employee.create')}</Button>
        )}
      </Flex>
      <EmployeeFilters list={list} units={units.data} />
      {error
        ? <ErrorState error={error} onRetry={reload} />
        : (
          <EmployeeTable
            list={list}
            data={data}
            loading={loading}
            canManage={manage}
            canAudit={can('audit.read')}
            onEdit={(e) => void openEdit(e)}
            onDelete={(e) => void remove(e)}
          />
        )}
      {editing && (
        <EmployeeFormDrawer
          enterpriseId={enterpriseId}
          units={units.data}
          employee={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onConflict={() => {
            setEditing(null);
            reload();
          }}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
          }}
        />
      )}
      {importing && (
        <EmployeeImportModal
          enterpriseId={enterpriseId}
          onClose={() => setImporting(false)}
        />
      )}
    </div>
  );
}
