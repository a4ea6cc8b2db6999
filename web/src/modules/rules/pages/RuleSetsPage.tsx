import { Alert, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { rulesApi } from '../api/rules.api';

/** 规则配置: every registered rule-set with the version in force in the district. */
export function RuleSetsPage() {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['rules', 'list'], (signal) => rulesApi.list(signal));
  return (
    <div data-testid="rule-sets-page">
      <PageHeader title={t('rules.title')} />
      <Alert type="info" showIcon title={t('rules.hint')} style={{ marginBottom: 16 }} />
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <PageLoading /> : (
        <Row gutter={[16, 16]}>
          {data.items.map((r) => (
            <Col xs={24} md={12} xl={8} key={r.name}>
              <Card
                size="small"
                title={r.title}
                extra={<Link to={`/rules/${r.name}`} data-testid={`rule-set-open-${r.name}`}>{t('rules.open')}</Link>}
                style={{ height: '100%' }}
              >
                <Typography.Paragraph type="secondary" style={{ minHeight: 44 }}>{r.description}</Typography.Paragraph>
                <Space wrap size={[4, 4]}>
                  <Tag color={r.version === 0 ? 'default' : 'blue'}>{r.version === 0 ? t('rules.defaults') : t('rules.version', { v: r.version })}</Tag>
                  {r.updatedAt && <Typography.Text type="secondary">{t('rules.updatedAt')}{' '}{formatDateTime(r.updatedAt)}</Typography.Text>}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
