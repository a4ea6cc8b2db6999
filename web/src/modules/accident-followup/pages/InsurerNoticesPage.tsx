import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Input, Row, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { followupApi, type ClaimStage, type Grade, type InsurerNotice } from '../api/followup.api';
import { InsurerNoticeDrawer } from '../components/InsurerNoticeDrawer';

const FILTERS = ['q', 'grade', 'from', 'to'] as const;
const GRADES: Grade[] = ['general', 'larger', 'major', 'especially_major'];
const STAGE_COLOR: Record<ClaimStage, string> = { notified: 'orange', investigating: 'blue', concluded: 'green' };

/**
 * 安责险事故通知 for the insurer's staff (issue 14 §4): the accidents at enterprises its policies covered on the day,
 * newest first, with grade, casualties and where the investigation stands; one opens with the claim record. The
 * notification of a new notice links here with `?notice=`.
 */
export function InsurerNoticesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['insurer-notices', list.query], (signal) => followupApi.insurerNotices(list.query, signal));
  const exporter = useExport();
  const f = list.filters;
  const open = params.get('notice');
  const setOpen = (id: string | null) => setParams((p) => { const next = new URLSearchParams(p); if (id) next.set('notice', id); else next.delete('notice'); return next; });
  const { page: _p, pageSize: _s, ...filters } = list.query;
  return (
    <div data-testid="insurer-notices-page">
      <PageHeader title={t('accidentFollowup.insurerPage.title')}
        extra={<Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={() => void exporter.start((p) => followupApi.exportInsurerNotices(filters, p))}>{t('accidentFollowup.export')}</Button>} />
      <Typography.Paragraph type="secondary">{t('accidentFollowup.insurerPage.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('accidentFollowup.insurerPage.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={6}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('accidentFollowup.grade')} value={f.grade} onChange={(v?: string) => list.setFilters({ grade: v })}
            options={GRADES.map((g) => ({ value: g, label: t(`accidentFollowup.grade.${g}`) }))} />
        </Col>
        <Col xs={24} md={8}>
          <DatePicker.RangePicker style={{ width: '100%' }} value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
            onChange={(r) => list.setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<InsurerNotice> list={list} data={data} loading={loading} empty={t('accidentFollowup.insurerPage.empty')} testId="insurer-notices"
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'occurredAt', title: t('accidentFollowup.occurredAt'), render: (_: unknown, r) => formatDateTime(r.occurredAt) },
            { key: 'enterprise', dataIndex: 'enterpriseName', title: t('accidentFollowup.board.enterprise') },
            { key: 'grade', title: t('accidentFollowup.grade'), render: (_: unknown, r) => (r.grade ? t(`accidentFollowup.grade.${r.grade}`) : '—') },
            { key: 'casualties', title: t('accidentFollowup.casualties'), render: (_: unknown, r) => t('accidentFollowup.casualtiesText', { deaths: r.deaths, missing: r.missing, serious: r.seriousInjuries, minor: r.minorInjuries }) },
            { key: 'policy', dataIndex: 'policyNumber', title: t('accidentFollowup.insurerPage.policy') },
            { key: 'stage', title: t('accidentFollowup.insurerPage.stage'), render: (_: unknown, r) => <Tag color={STAGE_COLOR[r.claimStage]}>{t(`accidentFollowup.claimStage.${r.claimStage}`)}</Tag> },
          ]} />
      )}
      {open && <InsurerNoticeDrawer id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
