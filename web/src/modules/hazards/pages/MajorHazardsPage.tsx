import { Card } from 'antd';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { hazardStatsApi } from '../api/hazard-stats.api';
import { HazardLedger } from '../components/HazardLedger';
import { MAJOR_TABS } from '../components/hazard-tabs';

/** Regulators: the major hazards of every enterprise in scope (R-HAZ-4), open ones first, with supervision flags. */
export function MajorHazardsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="major-hazards-page">
      <PageHeader title={t('nav.majorHazards')} sub={t('hazard.majorSub')} />
      <Card>
        <HazardLedger
          load={(q, signal) => hazardStatsApi.crossList(q, signal)}
          exportList={(q, onProgress) => hazardStatsApi.crossExport(q, t('hazard.exportFile'), onProgress)}
          tabs={MAJOR_TABS}
          oneLevel
        />
      </Card>
    </div>
  );
}
