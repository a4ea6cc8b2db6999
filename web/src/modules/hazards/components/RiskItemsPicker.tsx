import { Table, Tag } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { checksApi, type RiskCheckItem } from '../api/checks.api';

type Props = { enterpriseId: string; postId?: string; selected: string[]; onSelect: (ids: string[]) => void; disabledIds?: Set<string> };

/** Check items the risk ledger derives from control measures (the service the risk and hazard modules share). */
export function RiskItemsPicker({ enterpriseId, postId, selected, onSelect, disabledIds }: Props) {
  const { t, tx } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['check-items', enterpriseId, 'risk', postId ?? null], (signal) => checksApi.riskItems(enterpriseId, postId, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<RiskCheckItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), getCheckboxProps: (r) => ({ disabled: disabledIds?.has(r.id) }) }}
      columns={[
        { key: 'risk', title: t('hazard.riskPoint'), render: (_, r) => <span>{r.riskCode} {r.riskName}</span> },
        { key: 'content', dataIndex: 'content', title: t('library.content'), render: (v: string) => <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>{v}</div> },
        { key: 'cycle', dataIndex: 'cycle', title: t('checklist.cycle'), render: (v: string) => <Tag>{tx(`checkCycle.${v}`, v)}</Tag> },
      ]}
    />
  );
}
