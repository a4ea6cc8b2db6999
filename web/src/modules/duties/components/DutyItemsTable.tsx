import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { DutyItem } from '../api/duties.api';

/**
 * A list's items, read only: content, scope, assessment criterion, points and source. On a phone each item is one
 * block (no sideways scrolling for the people who read their duties at the post).
 */
export function DutyItemsTable({ items, testId }: { items: readonly DutyItem[]; testId?: string }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  if (mobile) {
    return (
      <ol data-testid={testId} style={{ paddingInlineStart: 20, margin: 0 }}>
        {items.map((i, n) => (
          <li key={n} style={{ marginBottom: 12 }}>
            <div>{i.content}</div>
            {i.scope && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('dutyItem.scope')}：{i.scope}</Typography.Text>}
            {i.criterion && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('dutyItem.criterion')}：{i.criterion}（{t('dutyItem.pointsValue', { points: i.points })}）</Typography.Text>}
            {i.source && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('dutyItem.source')}：{i.source}</Typography.Text>}
          </li>
        ))}
      </ol>
    );
  }
  return (
    <Table<DutyItem & { no: number }>
      data-testid={testId}
      size="small"
      rowKey="no"
      pagination={false}
      dataSource={items.map((i, n) => ({ ...i, no: n + 1 }))}
      columns={[
        { key: 'no', dataIndex: 'no', title: t('dutyItem.no'), width: 56 },
        { key: 'content', dataIndex: 'content', title: t('dutyItem.content') },
        { key: 'scope', dataIndex: 'scope', title: t('dutyItem.scope'), width: 160 },
        { key: 'criterion', dataIndex: 'criterion', title: t('dutyItem.criterion'), width: 260 },
        { key: 'points', dataIndex: 'points', title: t('dutyItem.points'), width: 72 },
        { key: 'source', dataIndex: 'source', title: t('dutyItem.source'), width: 220 },
      ]}
    />
  );
}
