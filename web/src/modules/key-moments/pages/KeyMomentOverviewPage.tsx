import { Flex, Input, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import { industryName, useReference } from '../../../app/reference';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { keyMomentOverviewKey, keyMomentsApi, type KeyMomentOverviewRow } from '../api/key-moments.api';

const FILTERS = ['year', 'subdistrictId', 'industryCode', 'state', 'q'] as const;
const STATES = ['uncheckedToday', 'missing', 'current', 'upcoming'] as const;

/** A share as people read it, one decimal; nothing owed yet is a dash. */
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * 关键时段带班监管 (issue 11 §10, R-RESP-6): the enterprises in the officer's scope (his subdistrict, his department's
 * industries), each with its key moments under way and to come and the year's on-duty check-ins — days checked in of
 * days owed, days missed — filtered, searched, sorted and paged, all in the address. An enterprise opens its own key
 * moments, read-only.
 */
export function KeyMomentOverviewPage() {
  const me = useMe();
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 20 });
  const year = Number(list.filters.year) || undefined;
  const query = { ...list.query, year };
  const { data, loading } = useApiQuery(keyMomentOverviewKey(query), (signal) => keyMomentsApi.overview(query, signal));
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const shownYear = data?.year ?? year;
  const momentsOf = (r: KeyMomentOverviewRow) => `/enterprises/${r.enterpriseId}/key-moments${shownYear ? `?year=${shownYear}` : ''}`;

  const columns: ColumnsType<KeyMomentOverviewRow> = [
    {
      key: 'name', title: t('keyMoment.overview.enterprise'), fixed: isMobile ? undefined : 'left', sorter: true, sortOrder: list.sortOrderOf('name'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Link to={momentsOf(r)} data-testid="key-moment-overview-link">{r.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.subdistrict} · {r.industry}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'current', title: t('keyMoment.overview.current'), align: 'right', sorter: true, sortOrder: list.sortOrderOf('current'),
      render: (_, r) => (
        <Flex vertical gap={2} align="end">
          <span>{r.current}</span>
          {r.currentUnchecked > 0 && <Typography.Text style={{ color: MEANING_TEXT.warning, fontSize: 12 }}>{t('keyMoment.overview.uncheckedToday', { n: r.currentUnchecked })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'next', title: t('keyMoment.overview.upcoming'), sorter: true, sortOrder: list.sortOrderOf('next'),
      render: (_, r) => (r.upcoming === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
        <Flex vertical gap={2}>
          <span>{t('keyMoment.overview.upcomingCount', { n: r.upcoming })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.nextStartsOn} {r.nextName}</Typography.Text>
        </Flex>
      )),
    },
    {
      key: 'rate', title: t('keyMoment.overview.checked'), align: 'right', sorter: true, sortOrder: list.sortOrderOf('rate'),
      render: (_, r) => (
        <Flex vertical gap={2} align="end">
          <span>{t('keyMoment.overview.checkedOf', { checked: r.checkedDays, owed: r.owedDays })}</span>
          <Typography.Text strong style={{ color: MEANING_TEXT[r.rate !== null && r.rate < 1 ? 'danger' : 'none'], fontSize: 12 }}>{percent(r.rate)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'missing', title: t('keyMoment.overview.missing'), align: 'right', sorter: true,
      // The server lists the most missed days first until the user picks another order.
      sortOrder: list.sort ? list.sortOrderOf('missing') : 'descend', sortDirections: ['descend', 'ascend'],
      render: (_, r) => <Typography.Text style={r.missingDays ? { color: MEANING_TEXT.danger } : undefined} data-testid="key-moment-overview-missing">{r.missingDays}</Typography.Text>,
    },
  ];

  return (
    <div data-testid="key-moment-overview-page">
      <PageHeader title={t('keyMoment.overview.title')} sub={t('keyMoment.overview.sub', { scope: me.scope.name, year: shownYear ?? '' })} />
      <Typography.Paragraph type="secondary">{t('keyMoment.overview.hint')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<number>
          style={{ width: isMobile ? 'calc(50% - 4px)' : 110 }} value={shownYear} aria-label={t('keyMoment.year')} data-testid="key-moment-overview-year"
          onChange={(y) => list.setFilters({ year: String(y) })}
          options={shownYear === undefined ? [] : [shownYear + 1, shownYear, shownYear - 1, shownYear - 2].map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          allowClear style={{ width: isMobile ? 'calc(50% - 4px)' : 170 }} placeholder={t('keyMoment.overview.allStates')} value={list.filters.state}
          onChange={(v?: string) => list.setFilters({ state: v })} data-testid="key-moment-overview-state"
          options={STATES.map((s) => ({ value: s, label: t(`keyMoment.overview.state.${s}`) }))}
        />
        <Input.Search
          allowClear style={{ width: isMobile ? '100%' : 220 }} placeholder={t('keyMoment.overview.search')} defaultValue={list.filters.q}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} data-testid="key-moment-overview-search"
        />
        {me.scope.kind !== 'subdistrict' && subdistricts.length > 1 && (
          <Select
            allowClear style={{ width: isMobile ? 'calc(50% - 4px)' : 140 }} placeholder={t('keyMoment.overview.subdistrict')} value={list.filters.subdistrictId}
            onChange={(v?: string) => list.setFilters({ subdistrictId: v })} options={subdistricts.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Select
          allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }} placeholder={t('keyMoment.overview.industry')}
          value={list.filters.industryCode} onChange={(v?: string) => list.setFilters({ industryCode: v })}
          options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))}
        />
      </Flex>
      <ListTable<KeyMomentOverviewRow>
        testId="key-moment-overview" rowKey="enterpriseId" list={list} data={data} loading={loading} columns={columns}
        empty={t('keyMoment.overview.empty')} filtered={Object.entries(list.filters).some(([k, v]) => k !== 'year' && !!v)}
      />
    </div>
  );
}
