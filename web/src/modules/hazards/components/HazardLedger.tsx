import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs } from 'antd';
import { Link } from 'react-router';
import type { OnExportProgress, Page, Query } from '../../../app/api';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import type { OrgUnit } from '../../org/api/org.api';
import type { HazardSummary } from '../api/hazards.api';
import { HAZARD_TABS, tabQuery, WORKBENCH_TABS } from './hazard-tabs';
import { HazardCards } from './HazardCards';
import { HazardFilters } from './HazardFilters';
import { HazardTable } from './HazardTable';
import { useExport } from '../../../app/components/useExport';

type Props = {
  /** One enterprise's ledger, or undefined for the cross-enterprise list of a regulator. */
  enterpriseId?: string;
  load: (query: Query, signal: AbortSignal) => Promise<Page<HazardSummary>>;
  exportList?: (query: Query, onProgress: OnExportProgress) => Promise<void>;
  units?: OrgUnit[];
  reportLink?: string;
  sync?: 'url' | 'local';
  tabs?: readonly string[];
  /** The list is of one level only (the 重大隐患 page): no level filter. */
  oneLevel?: boolean;
};

const FILTERS = ['tab', 'q', 'status', 'level', 'source', 'orgUnitId', 'subdistrictId', 'industryCode', 'supervised'] as const;

/** Tabs (待确认, 整改中, 待验收, 已逾期, 重大隐患, 我的任务), filters, the list, export and the report button. */
export function HazardLedger({ enterpriseId, load, exportList, units, reportLink, sync = 'url', tabs = HAZARD_TABS, oneLevel = false }: Props) {
  const { t, tx } = useI18n();
  const isMobile = useIsMobile();
  const list = useListState({ sync, filterKeys: FILTERS, defaultOrder: 'desc' });
  const { exporting, start } = useExport();
  // The first tab is the default and stays out of the address.
  const tab = list.filters.tab ?? tabs[0];
  // A workbench preset (交给我整改, 即将到期…) opened from the home page shows as one more tab while it is open.
  const shown: readonly string[] = tabs.includes(tab) || !(WORKBENCH_TABS as readonly string[]).includes(tab) ? tabs : [...tabs, tab];
  const { tab: _tab, ...rest } = list.query;
  const query: Query = { ...rest, ...tabQuery(tab) };
  const { data, error, loading, reload } = useApiQuery(enterpriseId ? ['hazards', enterpriseId, 'list', query] : ['hazards', 'cross', query], (signal) => load(query, signal));
  // An empty tab says what will appear in it and when; with a search or filter set, that the filters found nothing.
  const filtered = Object.entries(list.filters).some(([k, v]) => k !== 'tab' && !!v);
  const empty = filtered ? t('hazardEmpty.filtered') : tx(`hazardEmpty.${tab}`, t('hazardEmpty.all'));

  const doExport = () => {
    if (!exportList) return;
    return start((onProgress) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return exportList(filters, onProgress);
    });
  };

  return (
    <div data-testid="hazard-ledger">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Tabs
          style={{ flex: '1 1 320px', minWidth: 0 }}
          activeKey={tab}
          onChange={(key) => list.setFilters({ tab: key === tabs[0] ? undefined : key })}
          items={shown.map((k) => ({ key: k, label: <span data-testid={`hazard-tab-${k}`}>{tx(`hazardTab.${k}`, k)}</span> }))}
        />
        <Flex gap={8}>
          {exportList && (
            <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="hazard-export">{t('hazard.export')}</Button>
          )}
          {reportLink && (
            <Link to={reportLink}><Button type="primary" icon={<PlusOutlined />} data-testid="hazard-report-button">{t('nav.hazardReport')}</Button></Link>
          )}
        </Flex>
      </Flex>
      <HazardFilters list={list} units={units} cross={!enterpriseId} level={!oneLevel} />
      {error ? <ErrorState error={error} onRetry={reload} /> : isMobile
        ? <HazardCards list={list} data={data} loading={loading} enterpriseId={enterpriseId} empty={empty} />
        : <HazardTable list={list} data={data} loading={loading} enterpriseId={enterpriseId} empty={empty} />}
    </div>
  );
}
