import { useState } from 'react';
import { DownOutlined, ExportOutlined, ImportOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { orgApi } from '../../org/api/org.api';
import { riskApi } from '../api/risk.api';
import { PostCardPicker } from './PostCardPicker';
import { RiskFilters } from './RiskFilters';
import { RiskImportModal } from './RiskImportModal';
import { RiskPointDrawer } from './RiskPointDrawer';
import { RiskSummaryStrip } from './RiskSummaryStrip';
import { RiskTable } from './RiskTable';
import { useExport } from '../../../app/components/useExport';

const FILTERS = ['q', 'grade', 'kind', 'orgUnitId', 'flag'] as const;

type Props = { enterpriseId: string; readOnly: boolean };

/**
 * 一企一清单 of one enterprise: counts by grade, filters, the table, and for its managers the point editor, Excel
 * import and export. The open point lives in the address (`?point=`), so other pages can link to it.
 */
export function RiskLedger({ enterpriseId, readOnly }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const { exporting, start } = useExport();
  const [pickingCard, setPickingCard] = useState(false);
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal));
  const summary = useApiQuery(['risk', enterpriseId, 'summary'], (signal) => riskApi.summary(enterpriseId, signal));
  const { data, error, loading, reload } = useApiQuery(['risk', enterpriseId, 'points', 'list', list.query], (signal) => riskApi.list(enterpriseId, list.query, signal));
  const canManage = !readOnly && (data?.canManage ?? false);
  const open = params.get('point');

  const setOpen = (id: string | null, replace = false) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (id) next.set('point', id);
    else next.delete('point');
    return next;
  }, { replace });

  const exportList = () => {
    return start((onProgress) => {
      const { page: _p, pageSize: _s, ...filters } = list.query;
      return riskApi.exportList(enterpriseId, filters, t('risk.exportFile'), onProgress);
    });
  };

  return (
    <div data-testid="risk-ledger">
      <RiskSummaryStrip counts={summary.data} grade={list.filters.grade} flag={list.filters.flag} onPick={(patch) => list.setFilters(patch)} />
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="risk-export">{t('risk.export')}</Button>
        {canManage && <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="risk-import-button">{t('risk.import')}</Button>}
        <Dropdown
          menu={{
            items: [
              { key: 'board', label: t('risk.board.title'), onClick: () => navigate(`/risk/print/${enterpriseId}/board`) },
              { key: 'card', label: t('risk.card.title'), onClick: () => setPickingCard(true) },
            ],
          }}
        >
          <Button icon={<PrinterOutlined />} data-testid="risk-print-menu">{t('risk.print')} <DownOutlined /></Button>
        </Dropdown>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="risk-create">{t('risk.create')}</Button>}
      </Flex>
      <RiskFilters list={list} units={units.data} />
      {error ? <ErrorState error={error} onRetry={reload} /> : <RiskTable list={list} data={data} loading={loading} onOpen={(p) => setOpen(p.id)} />}
      {open && (
        <RiskPointDrawer
          enterpriseId={enterpriseId}
          pointId={open === 'new' ? null : open}
          canManage={canManage}
          onClose={() => setOpen(null)}
          onCreated={(id) => setOpen(id, true)}
        />
      )}
      {importing && <RiskImportModal enterpriseId={enterpriseId} onClose={() => setImporting(false)} />}
      {pickingCard && <PostCardPicker enterpriseId={enterpriseId} onClose={() => setPickingCard(false)} />}
    </div>
  );
}
