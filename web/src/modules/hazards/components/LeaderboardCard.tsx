import { useState } from 'react';
import { ExportOutlined, TrophyFilled } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { checksApi } from '../api/checks.api';
import { useExport } from '../../../app/components/useExport';

type Period = 'month' | 'year' | 'all';
const MEDALS = ['#faad14', '#bfbfbf', '#d48806'];

/**
 * R-HAZ-6 "人人都是安全员": points for confirmed reports, ranked this month, this year or ever. The card shows the top
 * ten; the export of the chosen period carries everyone with points.
 */
export function LeaderboardCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>('month');
  const { exporting, start } = useExport();
  const { data, loading } = useApiQuery(['hazard-leaderboard', enterpriseId, period], (signal) => checksApi.leaderboard(enterpriseId, period, signal));
  const doExport = () => {
    return start((onProgress) => {
      return checksApi.exportLeaderboard(enterpriseId, period, t('leaderboard.exportFile'), onProgress);
    });
  };
  return (
    <Card
      size="small"
      title={t('leaderboard.title')}
      data-testid="hazard-leaderboard"
      extra={<Segmented<Period> size="small" value={period} onChange={setPeriod} options={(['month', 'year', 'all'] as const).map((p) => ({ value: p, label: t(`leaderboard.${p}`) }))} />}
    >
      {data && (
        // The export sits beside the caller's rank, not in the header, so the header fits a 390 px phone.
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ flex: '1 1 180px', minWidth: 0 }}>
            {data.me.rank ? t('leaderboard.me', { rank: data.me.rank, points: data.me.points }) : t('leaderboard.meNone')}
          </Typography.Text>
          {data.items.length > 0 && (
            <Button size="small" icon={<ExportOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="leaderboard-export">
              {t('hazard.export')}
            </Button>
          )}
        </Flex>
      )}
      {data && data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leaderboard.empty')} /> : (
        <Table
          size="small"
          rowKey="userId"
          loading={loading}
          pagination={false}
          dataSource={data?.items.slice(0, 10)}
          columns={[
            {
              key: 'rank', dataIndex: 'rank', width: 56, title: '#',
              render: (r: number) => (r <= 3 ? <TrophyFilled style={{ color: MEDALS[r - 1] }} /> : r),
            },
            {
              key: 'name', dataIndex: 'name', title: t('leaderboard.name'),
              render: (name: string, row) => (
                <Flex vertical>
                  <span>{name}</span>
                  {row.orgUnitName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.orgUnitName}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'hazards', dataIndex: 'hazards', title: t('leaderboard.hazards'), align: 'right' },
            { key: 'points', dataIndex: 'points', title: t('leaderboard.points'), align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
