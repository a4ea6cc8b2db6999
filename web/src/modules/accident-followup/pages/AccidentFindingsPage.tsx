import { Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { followupApi, type FindingKind } from '../api/followup.api';

/** The regulators' list of 漏报/谎报/瞒报 findings in their scope (kept queryable for the credit list). */
export function AccidentFindingsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<FindingKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiQuery(['accident-findings', kind, page], (signal) => followupApi.findings({ ...(kind === 'all' ? {} : { kind }), page }, signal));
  return (
    <div data-testid="accident-findings-page">
      <PageHeader title={t('accidentFollowup.findingsPage.title')} />
      <Card>
        <Segmented style={{ marginBottom: 12 }} value={kind} onChange={(v) => { setKind(v as FindingKind | 'all'); setPage(1); }} options={[
          { value: 'all', label: t('accidentFollowup.actionsPage.all') },
          ...(['omitted', 'false', 'concealed'] as const).map((k) => ({ value: k, label: t(`accidentFollowup.findingKind.${k}`) })),
        ]} />
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} scroll={{ x: true }}
            pagination={{ current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
            columns={[
              { key: 'f', title: t('accidentFollowup.foundOn'), render: (_, f) => formatDate(f.foundOn) },
              { key: 'k', title: t('accidentFollowup.findingKind'), render: (_, f) => <Tag color="red">{t(`accidentFollowup.findingKind.${f.kind}`)}</Tag> },
              { key: 'e', title: t('accidentFollowup.board.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'a', title: t('accidentFollowup.board.accident'), render: (_, f) => <Link to={`/enterprises/${f.enterpriseId}/accidents/${f.accidentId}/followup`}>{f.accidentSummary}</Link> },
              { key: 'd', title: t('accidentFollowup.findingDescription'), dataIndex: 'description' },
              { key: 'o', title: t('accidentFollowup.office'), render: (_, f) => f.officeName ?? '—' },
            ]} />
        )}
      </Card>
    </div>
  );
}
