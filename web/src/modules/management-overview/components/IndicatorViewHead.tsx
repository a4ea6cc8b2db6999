import type { ReactNode } from 'react';
import { ExportOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Row, Select, Tag, Typography } from 'antd';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import type { ListState } from '../../../app/useListState';
import type { OnExportProgress } from '../../../app/api';

type Props<P extends string> = {
  /** The page's test ID prefix (`management-overview`, `competence-overview`). */
  testId: string;
  title: MessageKey;
  hint: MessageKey;
  /** The problem chips, each with its label. */
  problems: readonly { key: P; label: MessageKey }[];
  list: ListState;
  data: { total: number; year: number; counts: { total: number; any: number } & Record<P, number> } | undefined;
  /** Downloads the view as .xlsx with the screen's filters and order. */
  exportFile: (fallbackName: string, onProgress: OnExportProgress) => Promise<void>;
  exportName: MessageKey;
};

/**
 * The head of a regulators' indicator view (管理体系总览, 人员资格与培训总览): the title with the counts, the export, the
 * hint, the problem chips with their counts, and the search, subdistrict and industry filters.
 */
export function IndicatorViewHead<P extends string>({ testId, title, hint, problems, list, data, exportFile, exportName }: Props<P>): ReactNode {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const { exporting, start } = useExport();
  const f = list.filters;
  const oneSubdistrict = me?.scope.kind === 'subdistrict';
  const counts = data?.counts;
  return (
    <>
      <PageHeader
        title={t(title)}
        sub={counts && data ? t('managementOverview.counts', { total: counts.total, any: counts.any, year: data.year }) : undefined}
        extra={(
          <Button icon={<ExportOutlined />} loading={exporting} disabled={!data?.total} data-testid={`${testId}-export`}
            onClick={() => void start((onProgress) => exportFile(t(exportName), onProgress))}>
            {t('managementOverview.export')}
          </Button>
        )}
      />
      <Typography.Paragraph type="secondary">{t(hint)}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid={`${testId}-problems`}>
        <Tag.CheckableTag checked={!f.problem} onChange={() => list.setFilters({ problem: undefined })}>
          {t('managementOverview.all')} {counts?.total ?? ''}
        </Tag.CheckableTag>
        <Tag.CheckableTag checked={f.problem === 'any'} onChange={(on) => list.setFilters({ problem: on ? 'any' : undefined })} data-testid={`${testId}-problem-any`}>
          {t('managementOverview.anyProblem')} {counts?.any ?? ''}
        </Tag.CheckableTag>
        {problems.map((p) => (
          <Tag.CheckableTag key={p.key} checked={f.problem === p.key} onChange={(on) => list.setFilters({ problem: on ? p.key : undefined })} data-testid={`${testId}-problem-${p.key}`}>
            {t(p.label)} {counts?.[p.key] ?? ''}
          </Tag.CheckableTag>
        ))}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('managementOverview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        {!oneSubdistrict && (
          <Col xs={12} md={7}>
            <Select style={{ width: '100%' }} allowClear placeholder={t('managementOverview.allSubdistricts')} value={f.subdistrictId} onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
              options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} data-testid={`${testId}-subdistrict`} />
          </Col>
        )}
        <Col xs={oneSubdistrict ? 24 : 12} md={7}>
          <Select style={{ width: '100%' }} allowClear showSearch optionFilterProp="label" placeholder={t('managementOverview.allIndustries')} value={f.industryCode}
            onChange={(v?: string) => list.setFilters({ industryCode: v })} options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))} />
        </Col>
      </Row>
    </>
  );
}
