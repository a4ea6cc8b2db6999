import { Checkbox, Col, Input, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { equipmentApi, type OverviewRow } from '../api/equipment.api';

const FILTERS = ['q', 'overdue'] as const;

/**
 * 特种设备检验情况 (issue 12 §5 and §7) for a subdistrict (by location) or a department (by industry): the enterprises
 * in scope with special equipment overdue or due soon, obsolete-flagged items, and their renovation figures.
 */
export function EquipmentOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['equipment', 'overview', list.query], (signal) => equipmentApi.overview(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="equipment-overview-page">
      <PageHeader title={t('equipmentOverview.title')} sub={data ? t('equipmentOverview.totals', { ...data.totals, people: data.totals.peopleReduced }) : undefined} />
      <Typography.Paragraph type="secondary">{t('equipmentOverview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('equipmentOverview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={12}>
          <Checkbox checked={f.overdue === 'yes'} onChange={(e) => list.setFilters({ overdue: e.target.checked ? 'yes' : undefined })} data-testid="equipment-overview-overdue">
            {t('equipmentOverview.onlyOverdue')}
          </Checkbox>
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('equipmentOverview.empty')} testId="equipment-overview"
          columns={[
            { key: 'name', title: t('equipmentOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=equipment`}>{r.name}</Link> },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('equipmentOverview.subdistrict') },
            { key: 'special', dataIndex: 'special', title: t('equipmentOverview.special'), align: 'right' },
            { key: 'overdue', title: t('equipmentOverview.overdue'), sorter: true, sortOrder: list.sortOrderOf('overdue'),
              render: (_: unknown, r) => (r.overdue
                ? <Tag color={MEANING_TAG.danger}>{r.overdue}{r.earliestOverdue ? ` · ${t('equipmentOverview.earliest', { day: r.earliestOverdue })}` : ''}</Tag>
                : <Typography.Text type="secondary">0</Typography.Text>) },
            { key: 'dueSoon', dataIndex: 'dueSoon', title: t('equipmentOverview.dueSoon'), align: 'right' },
            { key: 'obsolete', dataIndex: 'obsolete', title: t('equipmentOverview.obsolete'), align: 'right' },
            { key: 'renovations', dataIndex: 'renovations', title: t('equipmentOverview.renovations'), align: 'right' },
            { key: 'investment', dataIndex: 'investment', title: t('equipmentOverview.investment'), align: 'right', sorter: true, sortOrder: list.sortOrderOf('investment') },
            { key: 'people', dataIndex: 'peopleReduced', title: t('equipmentOverview.people'), align: 'right' },
          ]}
        />
      )}
    </div>
  );
}
