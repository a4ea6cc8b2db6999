import { Card, Col, Flex, Row, Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { hazardsApi } from '../api/hazards.api';
import { HazardActions } from '../components/HazardActions';
import { HazardFacts } from '../components/HazardFacts';
import { HazardFlags } from '../components/HazardFlags';
import { HazardLevelTag } from '../components/HazardLevelTag';
import { HazardPhotos } from '../components/HazardPhotos';
import { HazardSidePanels } from '../components/HazardSidePanels';
import { HazardStatusTag } from '../components/HazardStatusTag';
import { HazardTimeline } from '../components/HazardTimeline';

/** One hazard: what and where, photos before and after, the actions this user may take, and its whole history. */
export function HazardDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { data: h, error, loading, reload, setData } = useApiQuery(['hazards', enterpriseId, 'detail', id], (signal) => hazardsApi.get(enterpriseId, id, signal));
  usePageTitle(h?.code);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!h) return loading ? <PageLoading /> : null;

  return (
    <div data-testid="hazard-detail-page" data-status={h.status}>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <HazardStatusTag status={h.status} />
            <HazardLevelTag level={h.level} />
            {h.onSpot && <Typography.Text type="secondary">{t('hazard.onSpot')}</Typography.Text>}
            <Typography.Text type="secondary" data-testid="hazard-code">{h.code}</Typography.Text>
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="hazard-title">{h.title}</Typography.Title>
          <HazardFlags hazard={h} />
          <HazardActions hazard={h} onChange={setData} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('hazard.photos')}><HazardPhotos photos={h.photos} /></Card>
            <Card size="small" title={t('hazard.facts')}><HazardFacts hazard={h} /></Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <HazardSidePanels hazard={h} />
            <Card size="small" title={t('hazard.history')}><HazardTimeline enterpriseId={h.enterpriseId} events={h.events} /></Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
