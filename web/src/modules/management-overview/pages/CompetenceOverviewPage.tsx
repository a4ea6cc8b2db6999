import type { ReactNode } from 'react';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { IndicatorViewHead } from '../components/IndicatorViewHead';
import { competenceApi, type CompetenceItem, type CompetenceProblem } from '../api/overview.api';

const FILTERS = ['q', 'problem', 'subdistrictId', 'industryCode'] as const;
const PROBLEMS: CompetenceProblem[] = ['training', 'certificates', 'ppe', 'standardisation'];

/**
 * 人员资格与培训总览 (issue 13 §5) for a subdistrict (by location), a department (by industry) or the district: every
 * active enterprise in scope with its training shortfalls and legal-education coverage (R-TRN-1), unqualified people
 * on posts and certificates (R-TRN-2), PPE gaps (R-PPE-1) and this year's self-assessment (R-STD-1), the problems
 * first; each figure opens the enterprise file at its tab.
 */
export function CompetenceOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['competence-overview', list.query], (signal) => competenceApi.list(list.query, signal));
  const drill = (r: CompetenceItem, tab: CompetenceProblem, children: ReactNode) => <Link to={`/enterprises/${r.enterpriseId}?tab=${tab}`}>{children}</Link>;
  const none = <Typography.Text type="secondary">{t('competenceOverview.ok')}</Typography.Text>;
  const danger = (text: string) => <Typography.Text type="danger">{text}</Typography.Text>;
  const warning = (text: string) => <Typography.Text type="warning">{text}</Typography.Text>;
  const grade = (g: string | null) => (g === '1' || g === '2' || g === '3' || g === 'none' ? t(`std.grade.${g}`) : '—');
  return (
    <div data-testid="competence-overview-page">
      <IndicatorViewHead
        testId="competence-overview" title="competenceOverview.title" hint="competenceOverview.hint" list={list} data={data}
        problems={PROBLEMS.map((p) => ({ key: p, label: `competenceOverview.problem.${p}` as const }))}
        exportFile={(name, onProgress) => competenceApi.export(list.query, name, onProgress)} exportName="competenceOverview.exportFile"
      />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<CompetenceItem>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('managementOverview.empty')} testId="competence-overview"
          columns={[
            {
              key: 'name', title: t('managementOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => (
                <Flex vertical>
                  <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>
                  <Typography.Text type="secondary">{r.industryName} · {t('managementOverview.headcount', { n: r.training.people })}</Typography.Text>
                </Flex>
              ),
            },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('managementOverview.subdistrict'), sorter: true, sortOrder: list.sortOrderOf('subdistrict'), responsive: ['md'] },
            {
              key: 'problems', title: t('managementOverview.problems'), sorter: true, sortOrder: list.sortOrderOf('problems'),
              render: (_: unknown, r) => (r.problems.length === 0
                ? <Tag color={MEANING_TAG.done}>{t('managementOverview.noProblem')}</Tag>
                : <Tag color={MEANING_TAG.danger}>{t('managementOverview.problemCount', { n: r.problems.length })}</Tag>),
            },
            {
              key: 'shortfall', title: t('competenceOverview.shortfall'), sorter: true, sortOrder: list.sortOrderOf('shortfall'),
              render: (_: unknown, r) => drill(r, 'training', r.training.shortfall > 0 ? danger(t('competenceOverview.shortfallN', { n: r.training.shortfall })) : none),
            },
            {
              key: 'legalRate', title: t('competenceOverview.legalRate'), sorter: true, sortOrder: list.sortOrderOf('legalRate'),
              render: (_: unknown, r) => (r.training.legalRate === null ? <Typography.Text type="secondary">—</Typography.Text> : drill(r, 'training',
                <Tooltip title={t('competenceOverview.legalTip', { done: r.training.legalCovered, people: r.training.people })}>{r.training.legalRate}%</Tooltip>)),
            },
            {
              key: 'unqualified', title: t('competenceOverview.unqualified'), sorter: true, sortOrder: list.sortOrderOf('unqualified'),
              render: (_: unknown, r) => drill(r, 'certificates', r.certificates.unqualifiedOnPost === 0 && r.certificates.minorsOnHazardous === 0
                ? <Tag color={MEANING_TAG.done}>{t('competenceOverview.qualified')}</Tag>
                : (
                  <Flex vertical>
                    {r.certificates.unqualifiedOnPost > 0 && danger(t('competenceOverview.unqualifiedN', { n: r.certificates.unqualifiedOnPost }))}
                    {r.certificates.minorsOnHazardous > 0 && danger(t('competenceOverview.minorsN', { n: r.certificates.minorsOnHazardous }))}
                  </Flex>
                )),
            },
            {
              key: 'expiring', title: t('competenceOverview.certificates'), sorter: true, sortOrder: list.sortOrderOf('expiring'),
              render: (_: unknown, r) => {
                const c = r.certificates;
                if (c.expired + c.expiringSoon + c.reviewDue === 0) return drill(r, 'certificates', none);
                return drill(r, 'certificates', (
                  <Flex vertical>
                    {c.expired > 0 && danger(t('competenceOverview.expiredN', { n: c.expired }))}
                    {c.expiringSoon > 0 && warning(t('competenceOverview.expiringN', { n: c.expiringSoon }))}
                    {c.reviewDue > 0 && warning(t('competenceOverview.reviewDueN', { n: c.reviewDue }))}
                  </Flex>
                ));
              },
            },
            {
              key: 'ppeMissing', title: t('competenceOverview.ppe'), sorter: true, sortOrder: list.sortOrderOf('ppeMissing'),
              render: (_: unknown, r) => drill(r, 'ppe', r.ppe.missing + r.ppe.overdue === 0 ? none : (
                <Flex vertical>
                  {r.ppe.missing > 0 && danger(t('competenceOverview.ppeMissingN', { n: r.ppe.missing }))}
                  {r.ppe.overdue > 0 && danger(t('competenceOverview.ppeOverdueN', { n: r.ppe.overdue }))}
                </Flex>
              )),
            },
            {
              key: 'stdScore', title: t('competenceOverview.standardisation'), sorter: true, sortOrder: list.sortOrderOf('stdScore'),
              render: (_: unknown, r) => {
                const s = r.standardisation;
                if (!s.required && s.status === 'none' && !s.awardedGrade) return <Typography.Text type="secondary">{t('competenceOverview.notRequired')}</Typography.Text>;
                return drill(r, 'standardisation', (
                  <Flex vertical>
                    <Tag color={s.status === 'submitted' ? MEANING_TAG.done : s.required ? MEANING_TAG.danger : undefined}>{t(`competenceOverview.std.${s.status}`)}</Tag>
                    {s.score !== null && <span>{t('competenceOverview.score', { score: s.score, grade: grade(s.intendedGrade) })}</span>}
                    {s.awardedGrade && <Typography.Text type="secondary">{t('competenceOverview.awarded', { grade: grade(s.awardedGrade), date: s.validUntil ?? '—' })}</Typography.Text>}
                  </Flex>
                ));
              },
            },
          ]}
        />
      )}
    </div>
  );
}
