import { useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { riskApi, type RiskDetail, type RulesView } from '../api/risk.api';
import { AssessmentFields } from './AssessmentFields';
import { emptyAssessment, toAssessmentInput, type AssessmentValues } from './assessment-values';

type Props = { enterpriseId: string; point: RiskDetail; rules: RulesView | undefined; onSaved: (p: RiskDetail) => void };

/** A new assessment of an existing point (R-RISK-6: a re-assessment always names its reason). */
export function RiskAssessForm({ enterpriseId, point, rules, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ a: AssessmentValues }>();
  const [saving, setSaving] = useState(false);
  const first = point.assessments.length === 0;

  const submit = async (v: { a: AssessmentValues }) => {
    setSaving(true);
    try {
      const saved = await riskApi.assess(enterpriseId, point.id, toAssessmentInput(v.a));
      message.success(t('risk.assessed', { grade: saved.grade ? t(`risk.grade.${saved.grade}`) : '' }));
      form.resetFields();
      onSaved(saved);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<{ a: AssessmentValues }>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ a: emptyAssessment(first ? 'inherent' : 'residual', first ? t('risk.firstAssessmentReason') : '') }}
      data-testid="risk-assess-form"
    >
      <AssessmentFields name="a" rules={rules?.rules} rulesVersion={rules?.version} />
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="assess-save">{t('risk.assessSave')}</Button>
      </Flex>
    </Form>
  );
}
