import { DownloadOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Progress, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useExport } from '../../../app/components/useExport';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { dutiesApi, GRADES, type ScoreRow } from '../api/duties.api';
import { GradeTag } from '../components/GradeTag';
import { PublishNoticeDrawer } from '../components/PublishNoticeDrawer';
import { ScoreDrawer } from '../components/ScoreDrawer';

const FILTERS = ['q', 'mine', 'status', 'grade'] as const;

/**
 * One year's assessment: the progress the safety manager follows (by unit and grade), the people to score — an
 * assessor's own first — the score sheet, the publication (公示) and the HR export.
 */
export function DutyAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [scoring, setScoring] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const exporter = useExport();
  const campaign = useApiQuery(['duties', enterpriseId, 'campaigns', id], (signal) => dutiesApi.campaign(enterpriseId, id, signal));
  const rows = useApiQuery(['duties', enterpriseId, 'campaigns', id, 'scores', list.query], (signal) => dutiesApi.scores(enterpriseId, id, list.query, signal));
  usePageTitle(campaign.data?.name);
  if (campaign.error) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  const c = campaign.data;
  if (!c) return <Skeleton active />;
  const percent = c.progress.total ? Math.floor((c.progress.scored * 100) / c.progress.total) : 0;
  const columns: ColumnsType<ScoreRow> = [
    { key: 'name', dataIndex: 'name', title: t('dutyAssess.person'), sorter: true, sortOrder: list.sortOrderOf('name'), render: (v: string, r) => <>{v}{r.isPrincipal && <Tag style={{ marginLeft: 4 }}>{t('dutyAssess.principal')}</Tag>}</> },
    { key: 'unit', dataIndex: 'unitName', title: t('dutyCoverage.unit'), sorter: true, sortOrder: list.sortOrderOf('unit') },
    { key: 'postNames', title: t('dutyAssign.post'), render: (_, r) => r.postNames.join('、') },
    { key: 'form', title: t('dutyAssess.employmentForm'), render: (_, r) => t(`employmentForm.${r.employmentForm}`) },
    { key: 'assessor', title: t('dutyAssess.assessor'), render: (_, r) => (r.assessorKind === 'leader' && r.assessorName ? r.assessorName : t(`dutyAssessor.${r.assessorKind}`)) },
    { key: 'percent', title: t('dutyAssess.score'), sorter: true, sortOrder: list.sortOrderOf('percent'), render: (_, r) => (r.total === null ? '' : `${r.total} / ${r.maxPoints ?? ''}`) },
    { key: 'grade', title: t('dutyAssess.grade'), render: (_, r) => <GradeTag grade={r.grade} /> },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, r) => (
        <Button size="small" type={r.canScore && c.status === 'open' ? 'primary' : 'default'} onClick={() => setScoring(r.employeeId)} data-testid="duty-score-open">
          {r.canScore && c.status === 'open' ? t('dutyAssess.scoreAction') : t('dutyAssess.view')}
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="duty-assessment-page">
      <PageHeader
        title={c.name}
        sub={c.status === 'published' ? t('dutyAssess.publishedPeriod', { from: formatDate(c.publishFrom), to: formatDate(c.publishTo) }) : t('dutyAssess.open')}
        extra={(
          <>
            {c.status === 'published' && <Link to={`/duty-assessments/${c.id}/notice`}><Button icon={<FileTextOutlined />}>{t('dutyAssess.notice')}</Button></Link>}
            {c.abilities.canExport && (
              <Button icon={<DownloadOutlined />} loading={exporter.exporting} data-testid="duty-assessment-export"
                onClick={() => void exporter.start((onProgress) => dutiesApi.exportResults(enterpriseId, c.id, `duty-assessment-${c.year}.xlsx`, onProgress))}>
                {t('dutyAssess.export')}
              </Button>
            )}
            {c.status === 'open' && c.abilities.canExport && (
              <Button type="primary" icon={<SendOutlined />} disabled={!c.abilities.canPublish} onClick={() => setPublishing(true)} data-testid="duty-assessment-publish">{t('dutyAssess.publish')}</Button>
            )}
          </>
        )}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('dutyAssess.progressTitle')}>
            <Progress percent={percent} />
            <Typography.Text type="secondary">{t('dutyAssess.progress', { scored: c.progress.scored, total: c.progress.total })}</Typography.Text>
            {c.mine.total > 0 && <div><Typography.Text>{t('dutyAssess.mineProgress', { scored: c.mine.scored, total: c.mine.total })}</Typography.Text></div>}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('dutyAssess.byGrade')}>
            <Flex gap={8} wrap>{GRADES.map((g) => <span key={g}><GradeTag grade={g} />{c.byGrade[g]}</span>)}</Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dutyAssess.bands', { excellent: c.bands.excellent, good: c.bands.good, pass: c.bands.pass })} · {t(`dutyPrincipalBy.${c.principalAssessedBy}`)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('dutyAssess.byUnit')} styles={{ body: { maxHeight: 180, overflowY: 'auto' } }}>
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              showHeader={false}
              dataSource={c.byUnit}
              columns={[
                { key: 'unitName', dataIndex: 'unitName' },
                { key: 'done', render: (_, u) => <Tag color={u.scored === u.total ? MEANING_TAG.done : MEANING_TAG.warning}>{u.scored} / {u.total}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={8}>
            <Input.Search key={list.filters.q ?? ''} defaultValue={list.filters.q} allowClear placeholder={t('dutyAssess.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
          </Col>
          <Col xs={12} md={5}>
            <Select style={{ width: '100%' }} allowClear placeholder={t('dutyAssess.status')} value={list.filters.status} onChange={(v?: string) => list.setFilters({ status: v })}
              options={[{ value: 'unscored', label: t('dutyAssess.unscored') }, { value: 'scored', label: t('dutyAssess.scoredState') }]} />
          </Col>
          <Col xs={12} md={5}>
            <Select style={{ width: '100%' }} allowClear placeholder={t('dutyAssess.grade')} value={list.filters.grade} onChange={(v?: string) => list.setFilters({ grade: v })}
              options={GRADES.map((g) => ({ value: g, label: t(`dutyGrade.${g}`) }))} />
          </Col>
          {c.mine.total > 0 && (
            <Col xs={24} md={6}>
              <Button type={list.filters.mine === 'true' ? 'primary' : 'default'} onClick={() => list.setFilters({ mine: list.filters.mine === 'true' ? undefined : 'true' })} data-testid="duty-assessment-mine">
                {t('dutyAssess.mineOnly')}
              </Button>
            </Col>
          )}
        </Row>
        {rows.error ? <ErrorState error={rows.error} onRetry={rows.reload} /> : (
          <ListTable<ScoreRow> list={list} data={rows.data} loading={rows.loading} columns={columns} rowKey="employeeId" testId="duty-score-table" empty={t('dutyAssess.noRows')} />
        )}
      </Card>
      {scoring && <ScoreDrawer enterpriseId={enterpriseId} campaignId={c.id} employeeId={scoring} onClose={() => setScoring(null)} />}
      {publishing && <PublishNoticeDrawer enterpriseId={enterpriseId} campaign={c} onClose={() => setPublishing(false)} />}
    </div>
  );
}
