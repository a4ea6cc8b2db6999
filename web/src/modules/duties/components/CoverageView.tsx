import { Card, Col, Empty, Flex, List, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { EMPLOYMENT_FORMS } from '../../employees/api/employees.api';
import { dutiesApi, type Coverage } from '../api/duties.api';
import { RatioFigure } from './RatioFigure';

type UnitRow = Coverage['byUnit'][number] & { children?: UnitRow[] };

/** The units as a tree (each row counts its subtree), for the expandable table. */
function unitTree(rows: Coverage['byUnit']): UnitRow[] {
  const byId = new Map<string, UnitRow>(rows.map((r) => [r.unitId, { ...r }]));
  const roots: UnitRow[] = [];
  for (const r of rows) {
    const node = byId.get(r.unitId)!;
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * R-RESP-1 coverage of one enterprise as the caller sees it (a unit leader his subtree): posts with a list in force and
 * people covered, by employment form and by unit, and who is not covered yet.
 */
export function CoverageView({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'coverage'], (signal) => dutiesApi.coverage(enterpriseId, signal));
  const tree = useMemo(() => unitTree(data?.byUnit ?? []), [data]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  return (
    <div data-testid="duty-coverage-view">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}><Card size="small"><RatioFigure ratio={data.posts} label={t('dutyCoverage.posts')} testId="duty-coverage-posts" /></Card></Col>
        <Col xs={24} md={8}><Card size="small"><RatioFigure ratio={data.people} label={t('dutyCoverage.people')} testId="duty-coverage-people" /></Card></Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('dutyCoverage.byForm')} styles={{ body: { paddingTop: 4 } }}>
            {EMPLOYMENT_FORMS.map((f) => (
              <Flex key={f} justify="space-between" gap={8}>
                <span>{t(`employmentForm.${f}`)}</span>
                <span>{data.byForm[f].total === 0 ? '—' : `${data.byForm[f].covered} / ${data.byForm[f].total}`}</span>
              </Flex>
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('dutyCoverage.byUnit')} style={{ marginBottom: 16 }}>
        <Table<UnitRow>
          size="small"
          rowKey="unitId"
          pagination={false}
          dataSource={tree}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('dutyCoverage.unit') },
            { key: 'posts', title: t('dutyCoverage.posts'), render: (_, r) => <RatioFigure ratio={r.posts} /> },
            { key: 'people', title: t('dutyCoverage.people'), render: (_, r) => <RatioFigure ratio={r.people} /> },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dutyCoverage.uncoveredPosts', { n: data.uncoveredPosts.length })} data-testid="duty-uncovered-posts">
            {data.uncoveredPosts.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dutyCoverage.allPostsCovered')} /> : (
              <List size="small" dataSource={data.uncoveredPosts} renderItem={(p) => <List.Item><span>{p.name}</span><Typography.Text type="secondary">{p.unitName}</Typography.Text></List.Item>} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dutyCoverage.uncoveredPeople', { n: data.uncoveredPeople.length })} data-testid="duty-uncovered-people">
            {data.uncoveredPeople.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dutyCoverage.allPeopleCovered')} /> : (
              <List
                size="small"
                dataSource={data.uncoveredPeople}
                pagination={data.uncoveredPeople.length > 20 ? { pageSize: 20, size: 'small' } : false}
                renderItem={(p) => (
                  <List.Item>
                    <span>{p.name} <Tag>{t(`employmentForm.${p.employmentForm}`)}</Tag></span>
                    <Typography.Text type="secondary">{p.unitName}{p.postNames.length ? ` · ${p.postNames.join('、')}` : ` · ${t('dutyCoverage.noPost')}`}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
