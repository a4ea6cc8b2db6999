import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Flex, Input, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { rescueApi, type RescueSupervisionRow } from '../api/rescue.api';

const FLAGS = ['missing', 'agreementExpired', 'inspectionOverdue'] as const;
const FILTERS = ['q', ...FLAGS] as const;

/**
 * 应急救援力量 for the regulators (issue 14 §2, R-EMG-3): every enterprise of their scope (the subdistrict's, the
 * department's industries, the whole district) with what the rules ask of it, whether its rescue organisation is in
 * place, its agreements and equipment; filtered to what is missing, agreements ended or inspections overdue.
 */
export function RescueSupervisionPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['rescue-supervision', list.query], (signal) => rescueApi.supervision(list.query, signal));
  const exporter = useExport();
  const f = list.filters;
  const { page: _p, pageSize: _s, ...filters } = list.query;
  const c = data?.counts;
  return (
    <div data-testid="rescue-supervision-page">
      <PageHeader title={t('rescue.supervision.title')}
        extra={<Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={() => void exporter.start(() => rescueApi.exportSupervision(filters))}>{t('rescue.export')}</Button>} />
      <Typography.Paragraph type="secondary">{t('rescue.supervision.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={10}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('rescue.supervision.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={14}>
          <Space wrap>
            {FLAGS.map((k) => (
              <Checkbox key={k} checked={f[k] === 'true'} onChange={(e) => list.setFilters({ [k]: e.target.checked ? 'true' : undefined })} data-testid={`rescue-filter-${k}`}>
                {t(`rescue.supervision.filter.${k}`)}{c ? `（${c[k]}）` : ''}
              </Checkbox>
            ))}
          </Space>
        </Col>
      </Row>
      {c && <Typography.Text type="secondary">{t('rescue.supervision.counts', { enterprises: c.enterprises, required: c.required, missing: c.missing })}</Typography.Text>}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<RescueSupervisionRow> list={list} data={data} loading={loading} rowKey="enterpriseId" testId="rescue-supervision"
          columns={[
            { key: 'name', title: t('rescue.supervision.enterprise'), render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/enterprises/${r.enterpriseId}?tab=rescue`}>{r.name}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[r.subdistrictName, r.industryName].join(' · ')}</Typography.Text>
              </Space>
            ) },
            { key: 'requirement', title: t('rescue.supervision.requirement'), render: (_: unknown, r) => (
              <Flex wrap gap={4}>
                <Tag color={r.requirement === 'not_required' ? 'default' : 'blue'}>{t(`rescue.supervision.req.${r.requirement}`)}</Tag>
                {r.requirement !== 'not_required' && (r.met ? <Tag color="green">{t('rescue.ready.met')}</Tag>
                  : r.reasons.map((x) => <Tag key={x} color="red">{t(`rescue.reason.${x}`)}</Tag>))}
              </Flex>
            ) },
            { key: 'teams', title: t('rescue.teams'), render: (_: unknown, r) => t('rescue.supervision.teamsText', { teams: r.teams, members: r.members }) },
            { key: 'agreement', title: t('rescue.agreements'), render: (_: unknown, r) => (r.agreementValidTo
              ? <Tag color={r.agreementExpired ? 'red' : 'green'}>{t('rescue.supervision.validTo', { day: r.agreementValidTo })}</Tag> : '—') },
            { key: 'equipment', title: t('rescue.tab.equipment'), render: (_: unknown, r) => (
              <Space wrap size={4}>
                <span>{r.equipment}</span>
                {r.inspectionsOverdue > 0 && <Tag color="red">{t('rescue.supervision.overdue', { n: r.inspectionsOverdue })}</Tag>}
                {r.expired > 0 && <Tag color="red">{t('rescue.supervision.expired', { n: r.expired })}</Tag>}
              </Space>
            ) },
          ]} />
      )}
    </div>
  );
}
