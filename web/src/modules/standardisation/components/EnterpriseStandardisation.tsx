import { Col, InputNumber, Row, Skeleton, Tabs, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useApiQuery } from '../../../app/useApi';
import { standardisationApi } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';
import { AssessmentView } from './AssessmentView';
import { ReviewsCard } from './ReviewsCard';

/** One enterprise's self-assessment of a year and its external reviews: the enterprise's page and the regulator's drill-down. */
export function EnterpriseStandardisation({ enterpriseId, year, onYear, tab, onTab }: {
  enterpriseId: string; year: number; onYear: (year: number) => void; tab?: string; onTab?: (tab: string) => void;
}) {
  const { t: s } = useI18n();
  const q = useApiQuery(['standardisation', enterpriseId, year], (signal) => standardisationApi.get(enterpriseId, year, signal));
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col><Typography.Text>{s('std.year')}</Typography.Text></Col>
        <Col>
          <InputNumber min={2000} max={2100} precision={0} value={year} data-testid="std-year"
            onChange={(v) => { if (typeof v === 'number' && v >= 2000 && v <= 2100) onYear(v); }} />
        </Col>
      </Row>
      <Tabs activeKey={tab ?? 'assessment'} onChange={onTab} items={[
        {
          key: 'assessment', label: s('std.tab.assessment'),
          children: q.error ? <ErrorState error={q.error} onRetry={q.reload} /> : q.data ? <AssessmentView data={q.data} /> : <Skeleton active />,
        },
        { key: 'reviews', label: s('std.tab.reviews'), children: <ReviewsCard enterpriseId={enterpriseId} /> },
      ]} />
    </>
  );
}
