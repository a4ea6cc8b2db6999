import { useState } from 'react';
import { Alert, App, Card, Col, Row, Table, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { DEFAULT_RISK_RULES, type RiskRuleSet } from '../api/risk-grading';
import { riskApi } from '../api/risk.api';
import { RulesForm } from '../components/RulesForm';

/** The district admin's rule-set editor: every save appends a version; graded records keep the version they used. */
export function RiskRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const { data, error, reload } = useApi((signal) => riskApi.rules(signal), []);

  const save = async (v: { rules: RiskRuleSet; note: string }) => {
    setSaving(true);
    try {
      const saved = await riskApi.saveRules(v.rules, v.note.trim());
      message.success(t('risk.rules.saved', { v: saved.version }));
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="risk-rules-page">
      <PageHeader title={t('risk.rules.title')} sub={data ? (data.current.version === 0 ? t('risk.rules.defaults') : t('risk.rules.version', { v: data.current.version })) : undefined} />
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <PageLoading /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Alert type="info" showIcon title={t('risk.rules.hint')} style={{ marginBottom: 16 }} />
            <RulesForm key={data.current.version} initial={data.current.rules} defaults={DEFAULT_RISK_RULES} saving={saving} onSave={(v) => void save(v)} />
          </Col>
          <Col xs={24} xl={7}>
            <Card size="small" title={t('risk.rules.history')}>
              <Table
                size="small"
                rowKey="version"
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="rules-history"
                dataSource={[...data.history, { version: 0, note: t('risk.rules.defaults'), createdAt: '' }]}
                columns={[
                  { key: 'v', dataIndex: 'version', title: '#', render: (v: number) => <Typography.Text strong={v === data.current.version} style={{ whiteSpace: 'nowrap' }}>{t('risk.rules.versionN', { v })}</Typography.Text> },
                  { key: 'at', dataIndex: 'createdAt', title: t('common.createdAt'), render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatDateTime(v) : '—'}</span> },
                  { key: 'note', dataIndex: 'note', title: t('risk.rules.note'), render: (v: string) => v || '—' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
