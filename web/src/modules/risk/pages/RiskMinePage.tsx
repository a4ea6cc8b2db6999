import { Card, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { riskApi, type MyRisk } from '../api/risk.api';
import { GradeTag } from '../components/GradeTag';

/** R-RISK-4: the points this person is named for, at whichever level (every level below also controls a point). */
export function RiskMinePage() {
  const { t } = useI18n();
  const me = useMe();
  const isMobile = useIsMobile();
  const { data, error, loading, reload } = useApiQuery(['risk', 'mine'], (signal) => riskApi.mine(signal));
  const columns: ColumnsType<MyRisk> = [
    { key: 'code', dataIndex: 'code', title: t('risk.code'), width: 96 },
    { key: 'name', dataIndex: 'name', title: t('risk.name'), render: (v: string, r) => <Link to={`/risk?point=${r.id}`} data-testid="mine-open">{v}</Link> },
    { key: 'grade', dataIndex: 'grade', title: t('risk.gradeLabel'), render: (g: MyRisk['grade']) => <GradeTag grade={g} short /> },
    { key: 'level', dataIndex: 'level', title: t('risk.mine.level'), render: (l: MyRisk['level']) => t(`risk.level.${l}`) },
    { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('risk.orgUnit') },
    { key: 'reassessDue', dataIndex: 'reassessDue', title: t('risk.reassessDue'), render: (v: string | null) => formatDate(v) },
    { key: 'flag', dataIndex: 'controlFailing', title: t('risk.flags'), render: (v: boolean) => (v ? <Tag color="red">{t('risk.flag.controlFailing')}</Tag> : '—') },
  ];
  return (
    <div data-testid="risk-mine-page">
      <PageHeader title={t('risk.mine.title')} sub={`${me.displayName} · ${me.scope.name}`} />
      <Card>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table<MyRisk>
            data-testid="risk-mine-table"
            rowKey="id"
            size={isMobile ? 'small' : 'middle'}
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.mine.empty')} /> }}
          />
        )}
      </Card>
    </div>
  );
}
