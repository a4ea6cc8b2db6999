import { useMemo } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Select, Switch, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { districtNow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { buildOrgTree, type OrgNode } from '../../org/api/org-tree';
import { orgApi } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';
import {
  REVIEW_CONCLUSIONS, REVISION_CAUSES, planQueries, plansApi, type DistributionEntry, type PlanDetail, type ReviewConclusion, type Reviewer, type RevisionCause,
} from '../api/emergency-plans.api';

type Common = { plan: PlanDetail; onDone: (p: PlanDetail) => void; onClose: () => void };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 登记评审（论证）结果: the reviewers (experts), the date, the conclusion and the opinions. */
export function ReviewDrawer({ plan, onDone, onClose }: Common) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reviewers: Reviewer[]; reviewedOn: Dayjs; conclusion: ReviewConclusion; opinions: string }>();
  const save = useApiMutation((v: { reviewers: Reviewer[]; reviewedOn: Dayjs; conclusion: ReviewConclusion; opinions: string }) => plansApi.review(plan.enterpriseId, plan.id, {
    reviewers: v.reviewers.map((r) => ({ name: r.name, organisation: r.organisation ?? '', expert: true })), reviewedOn: day(v.reviewedOn), conclusion: v.conclusion,
    opinions: v.opinions ?? '', version: plan.version,
  }), { invalidates: planQueries(plan.enterpriseId), onSuccess: onDone });
  return (
    <FormDrawer title={t(plan.content.reviewMode === 'review' ? 'emergencyPlans.reviewTitle' : 'emergencyPlans.demonstrationTitle')} form={form} saving={save.saving}
      onSubmit={save.run} onClose={onClose} testId="plan-review"
      initialValues={{ reviewers: [{ name: '', organisation: '', expert: true }], reviewedOn: districtNow(), conclusion: 'passed', opinions: '' }}>
      <Form.List name="reviewers">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('emergencyPlans.reviewerName')} maxLength={50} data-testid="plan-reviewer-name" />
                </Form.Item>
                <Form.Item name={[f.name, 'organisation']} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('emergencyPlans.reviewerOrganisation')} maxLength={100} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', organisation: '', expert: true })}>{t('emergencyPlans.addReviewer')}</Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="reviewedOn" label={t('emergencyPlans.reviewedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(districtNow(), 'day')} />
      </Form.Item>
      <Form.Item name="conclusion" label={t('emergencyPlans.conclusion')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group options={REVIEW_CONCLUSIONS.map((c) => ({ value: c, label: t(`emergencyPlans.conclusion.${c}`) }))} />
      </Form.Item>
      <Form.Item name="opinions" label={t('emergencyPlans.opinions')}>
        <LimitedTextArea rows={4} max={8000} />
      </Form.Item>
    </FormDrawer>
  );
}

type IssueValues = { employeeIds: string[]; unitIds: string[]; postIds: string[]; distribution: DistributionEntry[] };
type UnitOption = { value: string; title: string; children: UnitOption[] };

/**
 * 发布: publish to the staff concerned (read receipts) — people picked from the roster, units (with the units under
 * them) and posts; none picked, every active account — and name the units and rescue teams it is distributed to.
 */
export function IssueDrawer({ plan, onDone, onClose }: Common) {
  const { t } = useI18n();
  const eid = plan.enterpriseId;
  const [form] = Form.useForm<IssueValues>();
  const units = useApiQuery(['org', eid, 'units'], (signal) => orgApi.units(eid, signal));
  const posts = useApiQuery(['org', eid, 'posts'], (signal) => orgApi.posts(eid, undefined, signal));
  const unitTree = useMemo(() => {
    const toOption = (n: OrgNode): UnitOption => ({ value: n.id, title: n.name, children: n.children.map(toOption) });
    return buildOrgTree(units.data ?? []).map(toOption);
  }, [units.data]);
  const save = useApiMutation((v: IssueValues) => plansApi.issue(eid, plan.id, {
    audienceEmployeeIds: v.employeeIds ?? [], audienceUnitIds: v.unitIds ?? [], audiencePostIds: v.postIds ?? [], distribution: v.distribution ?? [], version: plan.version,
  }), { invalidates: planQueries(eid), onSuccess: onDone });
  const picked = Form.useWatch([], form);
  const everyone = !picked?.employeeIds?.length && !picked?.unitIds?.length && !picked?.postIds?.length;
  return (
    <FormDrawer title={t('emergencyPlans.issue')} okText={t('emergencyPlans.issue')} form={form} saving={save.saving} onSubmit={save.run} onClose={onClose} testId="plan-issue"
      intro={t('emergencyPlans.issueHint')} initialValues={{ employeeIds: [], unitIds: [], postIds: [], distribution: [] }}>
      <Form.Item name="employeeIds" label={t('emergencyPlans.audience.people')}>
        <EmployeeSelect multiple enterpriseId={eid} placeholder={t('emergencyPlans.audience.pickPeople')} testId="plan-issue-people" />
      </Form.Item>
      <Form.Item name="unitIds" label={t('emergencyPlans.audience.units')}>
        <TreeSelect multiple treeData={unitTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" allowClear loading={units.loading}
          placeholder={t('emergencyPlans.audience.pickUnits')} style={{ width: '100%' }} data-testid="plan-issue-units" />
      </Form.Item>
      <Form.Item name="postIds" label={t('emergencyPlans.audience.posts')} extra={everyone ? t('emergencyPlans.audience.everyone') : t('emergencyPlans.audience.named')}>
        <Select mode="multiple" allowClear optionFilterProp="label" loading={posts.loading} placeholder={t('emergencyPlans.audience.pickPosts')}
          options={(posts.data ?? []).map((p) => ({ value: p.id, label: postLabel(p) }))} data-testid="plan-issue-posts" />
      </Form.Item>
      <Form.Item label={t('emergencyPlans.audience.distribution')} style={{ marginBottom: 0 }}>
        <Form.List name="distribution">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: 2, marginBottom: 8 }}>
                    <Input placeholder={t('emergencyPlans.distributionName')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} initialValue="unit" style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={(['unit', 'rescue_team', 'other'] as const).map((k) => ({ value: k, label: t(`emergencyPlans.distribution.${k}`) }))} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', kind: 'unit' })}>{t('emergencyPlans.addDistribution')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </FormDrawer>
  );
}

/** 修订预案: a new draft version with its cause (law, organisation, risks, resources, a drill's findings…). */
export function ReviseDrawer({ plan, onDone, onClose }: Common) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ cause: RevisionCause; note: string }>();
  const save = useApiMutation((v: { cause: RevisionCause; note: string }) => plansApi.revise(plan.enterpriseId, plan.id, { ...v, version: plan.version }),
    { invalidates: planQueries(plan.enterpriseId), onSuccess: onDone });
  return (
    <FormDrawer title={t('emergencyPlans.revise')} okText={t('emergencyPlans.revise')} form={form} saving={save.saving} onSubmit={save.run} onClose={onClose} testId="plan-revise"
      intro={t('emergencyPlans.reviseHint')} initialValues={{ cause: 'law', note: '' }}>
      <Form.Item name="cause" label={t('emergencyPlans.revisionCause')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={REVISION_CAUSES.map((c) => ({ value: c, label: t(`emergencyPlans.cause.${c}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('emergencyPlans.revisionNote')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={4} max={2000} data-testid="plan-revise-note" />
      </Form.Item>
    </FormDrawer>
  );
}

/**
 * 废止预案 (R-EMG-1): a plan no longer used is withdrawn for good, with the reason; the warning says what goes with it
 * (its open duties cancelled, its waiting filings withdrawn) before the manager confirms.
 */
export function WithdrawDrawer({ plan, onDone, onClose }: Common) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useApiMutation((v: { reason: string }) => plansApi.withdraw(plan.enterpriseId, plan.id, { reason: v.reason, version: plan.version }),
    { invalidates: planQueries(plan.enterpriseId), onSuccess: onDone });
  return (
    <FormDrawer title={t('emergencyPlans.withdraw')} okText={t('emergencyPlans.withdraw')} okDanger form={form} saving={save.saving} onSubmit={save.run} onClose={onClose}
      testId="plan-withdraw" initialValues={{ reason: '' }}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('emergencyPlans.withdrawWarning')} description={t('emergencyPlans.withdrawHint')} data-testid="plan-withdraw-warning" />}>
      <Form.Item name="reason" label={t('emergencyPlans.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={4} max={2000} data-testid="plan-withdraw-reason" />
      </Form.Item>
    </FormDrawer>
  );
}

type AssessmentValues = { kind: 'yearly_review' | 'evaluation'; reviewer: string; reviewedOn: Dayjs; changed: boolean; reason: string };

/** 登记年度评审或三年评估 (the principal then signs it). */
export function AssessmentDrawer({ plan, onDone, onClose }: { plan: PlanDetail; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AssessmentValues>();
  const save = useApiMutation((v: AssessmentValues) => plansApi.assess(plan.enterpriseId, plan.id, { ...v, reviewedOn: day(v.reviewedOn) }),
    { invalidates: planQueries(plan.enterpriseId), onSuccess: onDone });
  return (
    <FormDrawer title={t('emergencyPlans.assess')} form={form} saving={save.saving} onSubmit={save.run} onClose={onClose} testId="plan-assess"
      initialValues={{ kind: 'yearly_review', reviewer: '', reviewedOn: districtNow(), changed: false, reason: '' }}>
      <Form.Item name="kind" label={t('emergencyPlans.assessmentKind')}>
        <Radio.Group options={(['yearly_review', 'evaluation'] as const).map((k) => ({ value: k, label: t(`emergencyPlans.assessment.${k}`) }))} />
      </Form.Item>
      <Form.Item name="reviewer" label={t('emergencyPlans.assessmentReviewer')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="reviewedOn" label={t('emergencyPlans.reviewedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(districtNow(), 'day')} />
      </Form.Item>
      <Form.Item name="changed" label={t('emergencyPlans.changed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="reason" label={t('emergencyPlans.changedReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={3} max={4000} />
      </Form.Item>
    </FormDrawer>
  );
}
