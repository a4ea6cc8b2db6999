import { App, Button, Col, DatePicker, Form, Input, Row, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { ListTable } from '../../../app/components/ListTable';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { employeesApi } from '../../employees/api/employees.api';
import { cultureApi, cultureQueries, REWARD_KINDS, type Reward, type RewardKind } from '../api/culture.api';

const FILTERS = ['q', 'rkind'] as const;
/** Money as the server takes it: yuan with at most two decimals, typed as text so that no float rounds it. */
const MONEY = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

/** 安全奖惩台账: who, why, how much or what measure, and the hazard it concerns; the totals of money, exact. */
export function RewardList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const list = useListState({ sync: 'local', filterKeys: FILTERS, defaultOrder: 'desc' });
  const query = { ...list.query, rkind: undefined, kind: list.filters.rkind };
  const { data, error, loading, reload } = useApiQuery(['culture', enterpriseId, 'rewards', query], (signal) => cultureApi.rewards(enterpriseId, query, signal));
  const [adding, setAdding] = useState(false);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      {data && <Typography.Paragraph strong>{t('reward.totals', data.totals)}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}><Input.Search allowClear defaultValue={list.filters.q} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} /></Col>
        <Col xs={24} md={8}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('reward.field.kind')} value={list.filters.rkind} onChange={(v?: string) => list.setFilters({ rkind: v })}
            options={REWARD_KINDS.map((k) => ({ value: k, label: t(`reward.kind.${k}`) }))} />
        </Col>
        {data?.abilities.canCreate && <Col xs={24} md={6} style={{ textAlign: 'right' }}><Button type="primary" onClick={() => setAdding(true)} data-testid="reward-add">{t('reward.add')}</Button></Col>}
      </Row>
      <ListTable<Reward>
        list={list} data={data} loading={loading} empty={t('reward.empty')} testId="reward-ledger"
        columns={[
          { key: 'decidedOn', dataIndex: 'decidedOn', title: t('reward.field.decidedOn'), sorter: true, sortOrder: list.sortOrderOf('decidedOn') },
          { key: 'kind', title: t('reward.field.kind'), render: (_: unknown, r) => <Tag color={MEANING_TAG[r.kind === 'reward' ? 'done' : 'danger']}>{t(`reward.kind.${r.kind}`)}</Tag> },
          { key: 'person', title: t('reward.field.person'), render: (_: unknown, r) => `${r.personName}（${r.orgUnitName}）` },
          { key: 'reason', dataIndex: 'reason', title: t('reward.field.reason') },
          { key: 'amount', title: t('reward.field.amount'), align: 'right', render: (_: unknown, r) => r.amount ?? '—' },
          { key: 'measure', dataIndex: 'measure', title: t('reward.field.measure') },
          { key: 'hazard', title: t('reward.field.hazard'), render: (_: unknown, r) => (r.hazardId ? <Link to={`/enterprises/${enterpriseId}/hazards/${r.hazardId}`}>{r.hazardCode}</Link> : '') },
        ]}
      />
      {adding && <RewardDrawer enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
    </>
  );
}

type Values = { kind: RewardKind; employeeId: string; decidedOn: Dayjs; reason: string; amount?: string; measure?: string; hazardId?: string };

function RewardDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const people = useApiQuery(['employees', enterpriseId, 'culture-picker'], (signal) => employeesApi.list(enterpriseId, { status: 'active', pageSize: 200 }, signal));
  const save = useApiMutation((v: Values) => cultureApi.createReward(enterpriseId, {
    kind: v.kind, employeeId: v.employeeId, decidedOn: v.decidedOn.format('YYYY-MM-DD'), reason: v.reason, amount: v.amount?.trim() ? v.amount.trim() : null,
    measure: v.measure ?? '', hazardId: v.hazardId?.trim() || null,
  }), { invalidates: cultureQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('reward.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="reward-drawer"
      initialValues={{ kind: 'reward', decidedOn: dayjs() }}>
      <Form.Item name="kind" label={t('reward.field.kind')} rules={[{ required: true }]}>
        <Select options={REWARD_KINDS.map((k) => ({ value: k, label: t(`reward.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="employeeId" label={t('reward.field.person')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={people.loading} options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('reward.field.decidedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="reason" label={t('reward.field.reason')} rules={[{ required: true, max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="amount" label={t('reward.field.amount')} rules={[{ pattern: MONEY, message: t('reward.field.money') }]}><Input inputMode="decimal" suffix={t('common.yuan')} /></Form.Item>
      <Form.Item name="measure" label={t('reward.field.measure')} dependencies={['amount']}
        rules={[({ getFieldValue }) => ({ validator: async (_, v?: string) => { if (!v?.trim() && !(getFieldValue('amount') as string | undefined)?.trim()) throw new Error(t('reward.field.amountOrMeasure')); } })]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDrawer>
  );
}
