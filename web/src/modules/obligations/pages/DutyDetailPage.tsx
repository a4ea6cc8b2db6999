import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { BasisTip } from '../components/BasisTip';
import { DueLine } from '../components/DueLine';
import { DutyActions } from '../components/DutyActions';
import { DutyFacts } from '../components/DutyFacts';
import { DutyHistory } from '../components/DutyHistory';
import { EvidenceFiles } from '../components/EvidenceFiles';
import { OccurrenceStatusTag } from '../components/OccurrenceStatusTag';

/**
 * One duty (the address reminders and escalations link to, /duties/:enterpriseId/:id): what it is and what fulfils it,
 * its period and due date, where it stands, the actions this user may take, the evidence and its whole history.
 */
export function DutyDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const me = useMe();
  const { t } = useI18n();
  const { data: d, error, loading, reload, setData } = useApiQuery(obligationKeys.detail(enterpriseId, id), (signal) => obligationsApi.get(enterpriseId, id, signal));
  usePageTitle(d?.name);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!d) return loading ? <PageLoading /> : null;

  return (
    <div data-testid="duty-detail-page" data-status={d.status}>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <OccurrenceStatusTag status={d.status} />
            {d.awaitingPrincipal && <Tag color={MEANING_TAG.warning} data-testid="duty-awaiting">{t('obligation.awaitingPrincipal')}</Tag>}
            {me.scope.enterpriseId !== d.enterpriseId && <Typography.Text type="secondary">{d.enterpriseName}</Typography.Text>}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="duty-name">{d.name}</Typography.Title>
          <DueLine occurrence={d} />
          {d.hint && (
            <div>
              <Typography.Text type="secondary">{t('obligation.what')}</Typography.Text>
              <Typography.Text data-testid="duty-hint">{d.hint}</Typography.Text>
              {' '}
              <BasisTip ruleId={d.ruleId} />
            </div>
          )}
          <DutyActions occurrence={d} onChanged={setData} withWaive onConflict={reload} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('obligation.facts')}><DutyFacts duty={d} /></Card>
            <Card size="small" title={t('obligation.files')}><EvidenceFiles enterpriseId={d.enterpriseId} occurrenceId={d.id} files={d.files} /></Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('obligation.history')}><DutyHistory history={d.history} /></Card>
        </Col>
      </Row>
    </div>
  );
}
