import { Form, Input, Select } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { api } from '../../../app/api';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import type { ItemOf, ResponseOf } from '../../../api/types';
import { PLAN_KINDS, planQueries, plansApi, type PlanDetail, type PlanKind, type PlanSections } from '../api/emergency-plans.api';

type Values = PlanSections & { kind: PlanKind; title: string };
type RiskPoint = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/risk-points'>>;
type Post = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/posts'>>;

/** The guide's sections (GB/T 29639-2020), each a text area with its limit. */
const SECTIONS: { name: keyof PlanSections; label: MessageKey; max: number; rows: number }[] = [
  { name: 'scope', label: 'emergencyPlans.field.scope', max: 4000, rows: 3 },
  { name: 'organisation', label: 'emergencyPlans.field.organisation', max: 8000, rows: 4 },
  { name: 'responseLevels', label: 'emergencyPlans.field.responseLevels', max: 8000, rows: 4 },
  { name: 'procedures', label: 'emergencyPlans.field.procedures', max: 20000, rows: 6 },
  { name: 'resources', label: 'emergencyPlans.field.resources', max: 8000, rows: 3 },
  { name: 'rescueOrganisation', label: 'emergencyPlans.field.rescueOrganisation', max: 2000, rows: 2 },
  { name: 'contacts', label: 'emergencyPlans.field.contacts', max: 4000, rows: 3 },
  { name: 'body', label: 'emergencyPlans.field.body', max: 100000, rows: 6 },
];

type Props = { enterpriseId: string; plan?: PlanDetail; onSaved: (p: PlanDetail) => void; onClose: () => void };

/** Drafts a plan, or edits its draft version: the guide's sections, the risk points and posts it covers. */
export function PlanFormDrawer({ enterpriseId, plan, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const points = useApiQuery(['risk-points', enterpriseId, 'plan-picker'], (signal) =>
    api.get<ResponseOf<'/enterprises/{enterpriseId}/risk-points'>>(`/enterprises/${enterpriseId}/risk-points`, { pageSize: 200 }, { signal }));
  const posts = useApiQuery(['posts', enterpriseId], (signal) => api.get<Post[]>(`/enterprises/${enterpriseId}/posts`, undefined, { signal }));
  const save = useApiMutation((v: Values) => (plan
    ? plansApi.update(enterpriseId, plan.id, { ...v, version: plan.version })
    : plansApi.create(enterpriseId, v)), { invalidates: planQueries(enterpriseId), onSuccess: onSaved });
  const c = plan?.content;
  return (
    <FormDrawer<Values>
      title={t(plan ? 'emergencyPlans.edit' : 'emergencyPlans.create')} form={form} saving={save.saving} onSubmit={save.run} onClose={onClose}
      testId="plan-form" width={720}
      initialValues={{
        kind: plan?.kind ?? 'comprehensive', title: plan?.title ?? '', scope: c?.scope ?? '', organisation: c?.organisation ?? '',
        responseLevels: c?.responseLevels ?? '', procedures: c?.procedures ?? '', resources: c?.resources ?? '', body: c?.body ?? '',
        riskPointIds: c?.riskPointIds ?? [], postIds: c?.postIds ?? [], rescueOrganisation: c?.rescueOrganisation ?? '', contacts: c?.contacts ?? '',
      }}
    >
      {!plan && (
        <Form.Item name="kind" label={t('emergencyPlans.field.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={PLAN_KINDS.map((k) => ({ value: k, label: t(`emergencyPlans.kind.${k}`) }))} data-testid="plan-kind" />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('emergencyPlans.field.title')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
        <Input maxLength={200} data-testid="plan-title" />
      </Form.Item>
      {SECTIONS.map((s) => (
        <Form.Item key={s.name} name={s.name} label={t(s.label)}>
          <LimitedTextArea rows={s.rows} max={s.max} data-testid={`plan-${s.name}`} />
        </Form.Item>
      ))}
      <Form.Item name="riskPointIds" label={t('emergencyPlans.field.riskPoints')}>
        <Select mode="multiple" allowClear optionFilterProp="label" loading={points.loading}
          options={(points.data?.items ?? []).map((p: RiskPoint) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />
      </Form.Item>
      <Form.Item name="postIds" label={t('emergencyPlans.field.posts')}>
        <Select mode="multiple" allowClear optionFilterProp="label" loading={posts.loading} options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
    </FormDrawer>
  );
}
