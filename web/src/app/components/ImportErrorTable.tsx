import { Table } from 'antd';
import { useI18n } from '../i18n';

/** One problem in an imported spreadsheet, as the server reports it. */
export type ImportIssue = { row: number; column: string; message: string };

/** One line per problem: which spreadsheet row and column, and what is wrong. */
export function ImportErrorTable({ errors }: { errors: ImportIssue[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportIssue>
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
