import { Alert, App, Button, Descriptions, Flex, Form } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import type { ControlLevel } from '../api/risk-grading';
import { riskApi, riskQueries, type ControllersInput, type RiskDetail } from '../api/risk.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Props = { enterpriseId: string; point: RiskDetail; editable: boolean; onSaved: (p: RiskDetail) => void };

/**
 * R-RISK-4: the level that controls the point's grade and every level below it each name a responsible person.
 * The levels come from the server (requiredLevels), computed with the rule-set in force.
 */
export function ControllersForm({ enterpriseId, point, editable, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ControllersInput>();
  const save = useApiMutation((body: ControllersInput) => riskApi.setControllers(enterpriseId, point.id, body), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      onSaved(saved);
    },
  });
  const byLevel = new Map(point.controllers.map((c) => [c.level, c]));
  const levels: ControlLevel[] = point.requiredLevels;
  const known = point.controllers.map((c) => ({ id: c.employeeId, name: c.name, unitName: null }));

  if (!point.grade) return <Alert type="info" showIcon title={t('risk.controllersNeedGrade')} />;
  if (!editable) {
    return (
      <Descriptions column={1} size="small" bordered data-testid="risk-controllers">
        {levels.map((l) => <Descriptions.Item key={l} label={t(`risk.level.${l}`)}>{byLevel.get(l)?.name ?? '—'}</Descriptions.Item>)}
      </Descriptions>
    );
  }

  const submit = async (v: ControllersInput) => {
    const body: ControllersInput = {};
    for (const l of levels) body[l] = v[l] ?? null;
    try {
      await save.run(body);
    } catch (e) {
      showError(e, { form });
    }
  };

  return (
    <Form<ControllersInput>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={Object.fromEntries(levels.map((l) => [l, byLevel.get(l)?.employeeId ?? null]))}
      data-testid="risk-controllers"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('risk.controllersHint', { level: t(`risk.level.${levels[0] ?? 'team'}`) })} />
      {levels.map((l) => (
        <Form.Item key={l} name={l} label={t(`risk.level.${l}`)} rules={[{ required: true, message: t('risk.controllerRequired') }]}>
          <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('risk.pickEmployee')} initial={known} testId={`controller-${l}`} />
        </Form.Item>
      ))}
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={save.saving} data-testid="controllers-save">{t('common.save')}</Button>
      </Flex>
    </Form>
  );
}
