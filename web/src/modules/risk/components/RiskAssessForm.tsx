import { App, Button, Flex, Form } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { riskApi, riskQueries, type AssessmentInput, type RiskDetail, type RulesView } from '../api/risk.api';
import { AssessmentFields } from './AssessmentFields';
import { emptyAssessment, toAssessmentInput, type AssessmentValues } from './assessment-values';

type Props = { enterpriseId: string; point: RiskDetail; rules: RulesView | undefined; onSaved: (p: RiskDetail) => void };

/** A new assessment of an existing point (R-RISK-6: a re-assessment always names its reason). */
export function RiskAssessForm({ enterpriseId, point, rules, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ a: AssessmentValues }>();
  const first = point.assessments.length === 0;
  const assess = useApiMutation((body: AssessmentInput) => riskApi.assess(enterpriseId, point.id, body), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: (saved) => {
      message.success(t('risk.assessed', { grade: saved.grade ? t(`risk.grade.${saved.grade}`) : '' }));
      form.resetFields();
      onSaved(saved);
    },
  });

  const submit = async (v: { a: AssessmentValues }) => {
    try {
      await assess.run(toAssessmentInput(v.a));
    } catch (e) {
      showError(e, { form });
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
        <Button type="primary" htmlType="submit" loading={assess.saving} data-testid="assess-save">{t('risk.assessSave')}</Button>
      </Flex>
    </Form>
  );
}
