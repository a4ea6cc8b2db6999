import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ImportResult } from '../api/employees.api';

type Row = ImportResult['errors'][number];

/** One line per problem: which spreadsheet row and column, and what is wrong. */
export function ImportErrorTable({ errors }: { errors: Row[] }) {
  const { t } = useI18n();
  return (
    <Table<Row>
      data-testid="import-errors-table"
      size="small"
      rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
      dataSource={errors}
      scroll={{ x: 'max-content', y: 320 }}
      pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
        { key: 'column', dataIndex: 'column', title: t('import.column'), width: 140 },
        { key: 'message', dataIndex: 'message', title: t('import.message') },
      ]}
    />
  );
}
