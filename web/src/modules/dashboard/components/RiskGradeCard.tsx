import { Card } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskApi } from '../../risk/api/risk.api';
import { RiskSummaryStrip } from '../../risk/components/RiskSummaryStrip';

/** The enterprise dashboard's risk block (一企一清单 at a glance): counts by grade; a click opens the ledger filtered. */
export function RiskGradeCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data } = useApiQuery(['risk', enterpriseId, 'summary'], (signal) => riskApi.summary(enterpriseId, signal));
  return (
    <Card title={t('nav.risk')} size="small" style={{ marginBottom: 16 }} data-testid="home-risk-card">
      <RiskSummaryStrip
        counts={data}
        onPick={(patch) => {
          const q = new URLSearchParams();
          if (patch.grade) q.set('grade', patch.grade);
          if (patch.flag) q.set('flag', patch.flag);
          void navigate(`/risk${q.size ? `?${q.toString()}` : ''}`);
        }}
      />
    </Card>
  );
}
