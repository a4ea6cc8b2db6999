import { App, Card, Col, Form, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../../app/api';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
// The risk rule-set keeps its dedicated form (bands side by side, condition texts, grade colours).
import { DEFAULT_RISK_RULES, type RiskRuleSet } from '../../risk/api/risk-grading';
import { RulesForm } from '../../risk/components/RulesForm';
import { rulesApi, type RuleSetDetail } from '../api/rules.api';
import { RuleSetForm, type RuleSetFormValues } from '../components/RuleSetForm';
import { RuleSetHistory } from '../components/RuleSetHistory';
import { RuleValueView } from '../components/RuleValueView';

/** One rule-set: its values in force, the editor of its next version, and its history. */
export function RuleSetPage() {
  const { name = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<RuleSetFormValues>();
  const { data, error, reload } = useApiQuery(['rules', 'detail', name], (signal) => rulesApi.get(name, signal));
  // A new version shows here and in the list of rule-sets.
  const publish = useApiMutation((body: { value: unknown; note: string; baseVersion: number }) => rulesApi.save(name, body), {
    invalidates: [['rules']],
    onSuccess: (saved) => message.success(t('rules.saved', { v: saved.version })),
  });

  const save = async (detail: RuleSetDetail, value: unknown, note: string) => {
    try {
      await publish.run({ value, note: note.trim(), baseVersion: detail.current.version });
    } catch (e) {
      // Issues name the field (`body.value.principalAfterDays`): shown on it in the generic form.
      if (isApiError(e) && e.code === 'VALIDATION' && name !== 'risk') {
        const onFields = e.issues.filter((i) => i.path.startsWith('body.value.'));
        form.setFields(onFields.map((i) => ({ name: ['value', ...i.path.split('.').slice(2)], errors: [i.message] })));
        if (onFields.length === e.issues.length && onFields.length > 0) return;
      }
      showError(e, { onConflict: reload });
    }
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  return (
    <div data-testid="rule-set-page">
      <PageHeader
        title={data.title}
        sub={<Space wrap size={[4, 4]}>
          <Tag color={data.current.version === 0 ? 'default' : 'blue'}>{data.current.version === 0 ? t('rules.defaults') : t('rules.version', { v: data.current.version })}</Tag>
        </Space>}
      />
      <Typography.Paragraph type="secondary">{data.description}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('rules.current')} style={{ height: '100%' }}>
            <RuleValueView schema={data.schema} fields={data.fields} value={data.current.value} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('rules.history')} style={{ height: '100%' }}>
            <RuleSetHistory detail={data} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('rules.edit')}>
        {name === 'risk' ? (
          <RulesForm
            key={data.current.version}
            initial={data.current.value as RiskRuleSet}
            defaults={DEFAULT_RISK_RULES}
            saving={publish.saving}
            onSave={(v) => void save(data, v.rules, v.note)}
          />
        ) : (
          <RuleSetForm
            key={data.current.version}
            form={form}
            schema={data.schema}
            fields={data.fields}
            initial={data.current.value}
            defaults={data.defaults}
            saving={publish.saving}
            onSave={(v) => void save(data, v.value, v.note ?? '')}
          />
        )}
      </Card>
    </div>
  );
}
