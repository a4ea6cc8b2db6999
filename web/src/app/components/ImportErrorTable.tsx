import { Table, Typography } from 'antd';
import { useI18n } from '../i18n';
import { useIsMobile } from '../responsive';

/** One problem in an imported spreadsheet, as the server reports it. */
export type ImportIssue = { row: number; column: string; message: string };

/**
 * One line per problem: which spreadsheet row and column, and what is wrong. The message wraps within the dialog —
 * never a column cut off at the edge (issue 10); on a phone the row and column stand above the message in one cell.
 */
export function ImportErrorTable({ errors }: { errors: ImportIssue[] }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  return (
    <Table<ImportIssue>
      data-testid="import-errors-table"
      size="small"
      tableLayout="fixed"
      rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
      dataSource={errors}
      scroll={{ y: 320 }}
      pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false, simple: isMobile } : false}
      columns={isMobile ? [
        {
          key: 'issue', title: t('import.message'),
          render: (_, r) => (
            <div style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('import.row')} {r.row} · {r.column}</Typography.Text>
              <div>{r.message}</div>
            </div>
          ),
        },
      ] : [
        { key: 'row', dataIndex: 'row', title: t('import.row'), width: 72 },
        { key: 'column', dataIndex: 'column', title: t('import.column'), width: 140, ellipsis: { showTitle: true } },
        { key: 'message', dataIndex: 'message', title: t('import.message'), render: (m: string) => <span style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>{m}</span> },
      ]}
    />
  );
}
