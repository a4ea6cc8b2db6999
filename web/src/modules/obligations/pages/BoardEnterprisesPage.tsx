import { Checkbox, Flex, Input, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import { formatDate } from '../../../app/format';
import { industryName, useReference } from '../../../app/reference';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { obligationKeys, obligationsApi, type BoardEnterprise } from '../api/obligations.api';
import { percent, rateMeaning } from '../components/rate-format';
import { useDefinitions } from '../components/useDefinitions';
import { YearSelect, currentYear, yearParam } from '../components/YearSelect';

const FILTERS = ['year', 'subdistrictId', 'industryCode', 'rule', 'overdueOnly', 'q'] as const;

/** An enterprise's duty calendar, read by a regulator. */
export const enterpriseCalendarPath = (enterpriseId: string) => `/duties/calendar?enterpriseId=${encodeURIComponent(enterpriseId)}`;

/**
 * The board's drill-down (issue 11 §10): the enterprises in scope with their overdue duties and rates for a year,
 * filtered by subdistrict, industry, duty and "overdue only", searched by name, sorted by overdue, rate or name, paged;
 * all of it in the address. An enterprise opens its duty calendar.
 */
export function BoardEnterprisesPage() {
  const me = useMe();
  const { t, locale } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 20 });
  const year = yearParam(list.filters.year ?? null);
  const query = { ...list.query, year, overdueOnly: list.filters.overdueOnly === 'true' ? 'true' : undefined };
  const { data, loading } = useApiQuery(obligationKeys.boardEnterprises(query), (signal) => obligationsApi.boardEnterprises(query, signal));
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const definitions = useDefinitions();

  const columns: ColumnsType<BoardEnterprise> = [
    {
      key: 'name',
      title: t('obligation.board.enterprise'),
      fixed: 'left',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, r) => <Link to={enterpriseCalendarPath(r.enterpriseId)} data-testid="board-enterprise-link">{r.name}</Link>,
    },
    { key: 'subdistrict', title: t('obligation.board.subdistrict'), render: (_, r) => r.subdistrict },
    { key: 'industry', title: t('obligation.board.industry'), render: (_, r) => r.industry },
    {
      key: 'overdue',
      title: t('obligation.col.overdue'),
      align: 'right',
      sorter: true,
      // The server sorts by overdue, most first, until the user picks another order.
      sortOrder: list.sort ? list.sortOrderOf('overdue') : 'descend',
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => <Typography.Text style={r.overdue ? { color: MEANING_TEXT.danger } : undefined} data-testid="board-enterprise-overdue">{r.overdue}</Typography.Text>,
    },
    { key: 'due', title: t('obligation.col.due'), align: 'right', render: (_, r) => r.due },
    { key: 'fulfilled', title: t('obligation.col.fulfilled'), align: 'right', render: (_, r) => r.fulfilled },
    { key: 'late', title: t('obligation.col.late'), align: 'right', render: (_, r) => r.late },
    { key: 'waived', title: t('obligation.col.waived'), align: 'right', render: (_, r) => r.waived },
    {
      key: 'rate',
      title: t('obligation.col.rate'),
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('rate'),
      render: (_, r) => <Typography.Text strong style={{ color: MEANING_TEXT[rateMeaning(r.rate)] }}>{percent(r.rate)}</Typography.Text>,
    },
    { key: 'principalRate', title: t('obligation.col.principalRate'), align: 'right', render: (_, r) => percent(r.principalRate) },
    {
      key: 'coverage', title: t('obligation.col.coverage'), align: 'right',
      render: (_, r) => (r.coveragePosts === null ? '—' : `${r.coveragePosts}% / ${r.coveragePeople ?? '—'}%`),
    },
    {
      key: 'letters', title: t('obligation.col.letters'), align: 'right',
      render: (_, r) => (r.lettersRoster === null ? <Typography.Text type="secondary">{t('obligation.col.noCampaign')}</Typography.Text> : `${r.lettersDone}/${r.lettersRoster}`),
    },
    {
      key: 'commitment', title: t('obligation.col.commitment'),
      render: (_, r) => (r.commitmentSignedAt
        ? formatDate(r.commitmentSignedAt)
        : <Typography.Text style={{ color: MEANING_TEXT.danger }}>{t('obligation.col.noCommitment')}</Typography.Text>),
    },
  ];

  return (
    <div data-testid="board-enterprises-page">
      <PageHeader title={t('obligation.board.enterprises')} sub={t('obligation.board.sub', { scope: me.scope.name, year })} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => list.setFilters({ year: y === currentYear() ? undefined : String(y) })} />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('obligation.board.search')}
          defaultValue={list.filters.q}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          data-testid="board-enterprise-search"
        />
        {me.scope.kind !== 'subdistrict' && subdistricts.length > 1 && (
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('obligation.board.subdistrict')}
            value={list.filters.subdistrictId}
            onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
            options={subdistricts.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 160 }}
          placeholder={t('obligation.board.industry')}
          value={list.filters.industryCode}
          onChange={(v?: string) => list.setFilters({ industryCode: v })}
          options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          placeholder={t('obligation.calendar.allRules')}
          value={list.filters.rule}
          onChange={(v?: string) => list.setFilters({ rule: v })}
          options={definitions.map((d) => ({ value: d.key, label: d.name }))}
        />
        <Checkbox
          checked={list.filters.overdueOnly === 'true'}
          onChange={(e) => list.setFilters({ overdueOnly: e.target.checked ? 'true' : undefined })}
          style={{ alignSelf: 'center' }}
          data-testid="board-overdue-only"
        >
          {t('obligation.board.overdueOnly')}
        </Checkbox>
      </Flex>
      <ListTable<BoardEnterprise>
        testId="board-enterprises"
        rowKey="enterpriseId"
        list={list}
        data={data}
        loading={loading}
        columns={columns}
        empty={t('obligation.board.enterprisesEmpty')}
        filtered={Object.entries(list.filters).some(([k, v]) => k !== 'year' && !!v)}
      />
    </div>
  );
}
