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
import { overviewApi, type OverviewItem, type OverviewProblem } from '../api/overview.api';

const FILTERS = ['q', 'problem', 'subdistrictId', 'industryCode'] as const;
const PROBLEMS: OverviewProblem[] = ['staffing', 'rules', 'fee', 'insurance', 'equipment'];
/** The enterprise file's tab each indicator drills down into (the rules: the documents list). */
const TAB: Record<Exclude<OverviewProblem, 'rules'>, string> = { staffing: 'staffing', fee: 'investment', insurance: 'insurance', equipment: 'equipment' };

const yuan = (v: string) => Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * 管理体系总览 (issue 12 §7) for a subdistrict (by location), a department (by industry) or the district: every active
 * enterprise in scope with its staffing, required rules and acknowledgement rate, safety fee, 安责险 and special
 * equipment, the problems first; each figure opens the enterprise file at its tab.
 */
export function ManagementOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['management-overview', list.query], (signal) => overviewApi.list(list.query, signal));
  // The rules have no tab in the file: their own regulators' list, at this enterprise, shows which are missing.
  const drill = (r: OverviewItem, p: OverviewProblem, children: ReactNode) => (
    <Link to={p === 'rules' ? `/documents/overview?q=${encodeURIComponent(r.creditCode)}` : `/enterprises/${r.enterpriseId}?tab=${TAB[p]}`}>{children}</Link>
  );
  const bad = (r: OverviewItem, p: OverviewProblem) => r.problems.includes(p);
  return (
    <div data-testid="management-overview-page">
      <IndicatorViewHead
        testId="management-overview" title="managementOverview.title" hint="managementOverview.hint" list={list} data={data}
        problems={PROBLEMS.map((p) => ({ key: p, label: `managementOverview.problem.${p}` as const }))}
        exportFile={(name, onProgress) => overviewApi.export(list.query, name, onProgress)} exportName="managementOverview.exportFile"
      />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewItem>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('managementOverview.empty')} testId="management-overview"
          columns={[
            {
              key: 'name', title: t('managementOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => (
                <Flex vertical>
                  <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>
                  <Typography.Text type="secondary">{r.industryName} · {t('managementOverview.headcount', { n: r.headcount })}</Typography.Text>
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
              key: 'staffing', title: t('managementOverview.staffing'),
              render: (_: unknown, r) => drill(r, 'staffing', <Tag color={bad(r, 'staffing') ? MEANING_TAG.danger : MEANING_TAG.done}>{t(r.staffing.compliant ? 'managementOverview.compliant' : 'managementOverview.noncompliant')}</Tag>),
            },
            {
              key: 'missingRules', title: t('managementOverview.missingRules'), sorter: true, sortOrder: list.sortOrderOf('missingRules'),
              render: (_: unknown, r) => drill(r, 'rules', r.rules.missing.length === 0
                ? <Typography.Text type="secondary">{t('managementOverview.none')}</Typography.Text>
                : <Tooltip title={r.rules.missing.join('、')}><Typography.Text type="danger">{t('managementOverview.missingCount', { n: r.rules.missing.length })}</Typography.Text></Tooltip>),
            },
            {
              key: 'ackRate', title: t('managementOverview.ackRate'), sorter: true, sortOrder: list.sortOrderOf('ackRate'),
              render: (_: unknown, r) => (r.rules.rate === null ? <Typography.Text type="secondary">—</Typography.Text>
                : <Tooltip title={t('managementOverview.acks', { done: r.rules.acknowledged, asked: r.rules.asked })}>{r.rules.rate}%</Tooltip>),
            },
            {
              key: 'feeShortfall', title: t('managementOverview.fee'), sorter: true, sortOrder: list.sortOrderOf('feeShortfall'),
              render: (_: unknown, r) => (r.fee === null ? <Typography.Text type="secondary">{t('managementOverview.notApplicable')}</Typography.Text> : drill(r, 'fee', (
                <Flex vertical>
                  <span>{t('managementOverview.feeLine', { accrued: yuan(r.fee.accrued), used: yuan(r.fee.used) })}</span>
                  {Number(r.fee.shortfall) > 0 && <Typography.Text type="danger">{t('managementOverview.shortfall', { amount: yuan(r.fee.shortfall) })}</Typography.Text>}
                  {Number(r.fee.ineligible) > 0 && <Typography.Text type="danger">{t('managementOverview.ineligible', { amount: yuan(r.fee.ineligible) })}</Typography.Text>}
                </Flex>
              ))),
            },
            {
              key: 'uninsured', title: t('managementOverview.insurance'), sorter: true, sortOrder: list.sortOrderOf('uninsured'),
              render: (_: unknown, r) => (r.insurance === null ? <Typography.Text type="secondary">{t('managementOverview.notApplicable')}</Typography.Text> : drill(r, 'insurance',
                r.insurance.policyMissing ? <Tag color={MEANING_TAG.danger}>{t('managementOverview.policyMissing')}</Tag>
                  : r.insurance.uninsured > 0 ? <Typography.Text type="danger">{t('managementOverview.uninsured', { n: r.insurance.uninsured })}</Typography.Text>
                    : <Tag color={MEANING_TAG.done}>{t('managementOverview.insured')}</Tag>)),
            },
            {
              key: 'overdue', title: t('managementOverview.overdue'), sorter: true, sortOrder: list.sortOrderOf('overdue'), align: 'right',
              render: (_: unknown, r) => drill(r, 'equipment', r.equipment.overdue > 0 ? <Typography.Text type="danger">{r.equipment.overdue}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
            },
          ]}
        />
      )}
    </div>
  );
}
