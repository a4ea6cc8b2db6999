import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { enterprisesApi } from '../../enterprises/api/enterprises.api';
import { riskMapApi } from '../api/risk-map.api';
import { MapLegend } from '../components/MapLegend';
import { PAGE_MARGIN_MM, PAPER_MM, type Paper } from '../components/PrintStyles';
import { PrintFrame } from '../components/PrintFrame';
import { RiskMapCanvas } from '../components/RiskMapCanvas';

/** Height the title and legend take on the sheet; the plan gets the rest of the printable height. */
const HEADER_MM = 34;

/** The four-colour map's print layout: title, legend with counts, and the plan with its shapes, sized to the paper. */
export function MapPrintPage() {
  const { t } = useI18n();
  const { enterpriseId = '', floorPlanId = '' } = useParams();
  const [paper, setPaper] = useState<Paper>('A3-landscape');
  const map = useApiQuery(['risk', enterpriseId, 'map', floorPlanId], (signal) => riskMapApi.map(enterpriseId, floorPlanId, signal));
  const enterprise = useApiQuery(['enterprises', 'detail', enterpriseId], (signal) => enterprisesApi.get(enterpriseId, signal));
  const data = map.data;
  const plan = data?.floorPlan;
  const title = t('risk.map.printTitle', { enterprise: enterprise.data?.name ?? '' });
  const maxHeight = `${PAPER_MM[paper][1] - 2 * PAGE_MARGIN_MM - HEADER_MM}mm`;
  return (
    <PrintFrame title={title} paper={paper} onPaper={setPaper} fallback="/risk/map">
      {map.error ? <ErrorState error={map.error} onRetry={map.reload} /> : !data || !plan ? <PageLoading /> : (
        <div data-testid="risk-map-print">
          <h1 style={{ fontSize: '18pt', marginBottom: '2mm' }}>{title}</h1>
          <div className="rp-sub" style={{ display: 'flex', justifyContent: 'center', gap: '8mm', flexWrap: 'wrap', alignItems: 'center' }}>
            <span>{plan.name}</span>
            <MapLegend legend={data.legend} compact />
            <span>{t('risk.printedOn', { date: formatDate(new Date().toISOString()) })}</span>
          </div>
          <RiskMapCanvas
            imageUrl={riskMapApi.imageUrl(enterpriseId, plan.id)}
            width={plan.width}
            height={plan.height}
            points={data.points}
            labels={data.points.length <= 150}
            maxHeight={maxHeight}
          />
        </div>
      )}
    </PrintFrame>
  );
}
