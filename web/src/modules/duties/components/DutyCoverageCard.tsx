import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi } from '../api/duties.api';
import { useDutyPermission } from './DutyGuard';
import { RatioFigure } from './RatioFigure';

/** The enterprise dashboard's block for the full-staff responsibility system: post and people coverage, and how many are not covered. */
export function DutyCoverageCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const allowed = useDutyPermission('duty.coverage');
  const { data } = useApiQuery(['duties', enterpriseId, 'coverage'], (signal) => dutiesApi.coverage(enterpriseId, signal), allowed);
  if (!allowed || !data) return null;
  const missing = data.uncoveredPosts.length + data.uncoveredPeople.length;
  return (
    <Card
      title={t('dutyCoverage.cardTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Link to="/duty-coverage" data-testid="home-duty-coverage-link">{t('dutyCoverage.details')}</Link>}
      data-testid="home-duty-coverage"
    >
      <Row gutter={[16, 8]}>
        <Col xs={24} sm={12}><RatioFigure ratio={data.posts} label={t('dutyCoverage.posts')} /></Col>
        <Col xs={24} sm={12}><RatioFigure ratio={data.people} label={t('dutyCoverage.people')} /></Col>
      </Row>
      {missing > 0 && (
        <Typography.Text type="warning">{t('dutyCoverage.missingSummary', { posts: data.uncoveredPosts.length, people: data.uncoveredPeople.length })}</Typography.Text>
      )}
    </Card>
  );
}
