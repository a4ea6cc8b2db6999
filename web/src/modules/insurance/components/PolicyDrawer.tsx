import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../../app/api';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { insuranceApi, insuranceQueries, type FoundEnterprise, type PaidBy, type Policy } from '../api/insurance.api';
import { ComplianceCard } from './ComplianceCard';

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

type Values = { policyNumber: string; period: [Dayjs, Dayjs]; premium: string; premiumPaidBy: PaidBy; cover: string };

/**
 * The insurer enters or edits a safety-liability policy (R-INS-1): a new one starts from the enterprise found by its
 * credit code and the policy's terms; once saved, the insured people are ticked on the enterprise's roster with one
 * cover for all. The enterprise is told to confirm it; after that it cannot change.
 */
export function PolicyDrawer({ open, policyId, onClose, onSaved }: { open: boolean; policyId: string | null; onClose: () => void; onSaved: (p: Policy) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<FoundEnterprise | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const editing = !!policyId;
  const policy = useApiQuery(['insurance', 'policy', policyId], (signal) => insuranceApi.policy(policyId!, signal), open && editing);
  const roster = useApiQuery(['insurance', 'roster', policyId], (signal) => insuranceApi.roster(policyId!, signal), open && editing && policy.data?.status === 'pending');
  const p = policy.data;

  useEffect(() => {
    if (!open) return;
    if (!editing) {
      form.resetFields();
      setFound(null);
      setCode('');
      setLookupError(null);
      return;
    }
    if (p) {
      form.setFieldsValue({
        policyNumber: p.policyNumber, period: [dayjs(p.startsOn), dayjs(p.endsOn)], premium: p.premium, premiumPaidBy: p.premiumPaidBy,
        cover: p.people[0]?.cover ?? '400000.00',
      });
      setPicked(new Set(p.people.map((x) => x.employeeId)));
    }
  }, [open, editing, p, form]);

  const lookup = useApiMutation((c: string) => insuranceApi.lookup(c), {
    invalidates: [], onSuccess: (e) => { setFound(e); setLookupError(null); },
  });
  const save = useApiMutation(async (v: Values) => {
    const terms = {
      policyNumber: v.policyNumber.trim(), startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'),
      premium: v.premium.trim(), premiumPaidBy: v.premiumPaidBy,
    };
    if (!p) return insuranceApi.create({ enterpriseId: found!.id, ...terms, people: [] });
    return insuranceApi.update(p.id, { ...terms, people: [...picked].map((employeeId) => ({ employeeId, cover: v.cover.trim() })), version: p.version });
  }, { invalidates: insuranceQueries, onSuccess: (out) => { void message.success(t(p ? 'insurance.updated' : 'insurance.saved')); onSaved(out); } });

  // A confirmed policy (or one of another's) is shown, never edited.
  const readOnly = editing && !!p && !p.abilities.canEdit;
  const items = roster.data?.items ?? [];
  const allPicked = items.length > 0 && items.every((r) => picked.has(r.id));
  const columns = useMemo(() => [
    { key: 'name', dataIndex: 'name', title: t('insurance.field.name') },
    { key: 'form', title: t('insurance.field.form'), render: (_: unknown, r: (typeof items)[number]) => <Tag color={r.employmentForm === 'regular' ? undefined : 'blue'}>{t(`insurance.form.${r.employmentForm}`)}</Tag> },
    { key: 'unit', dataIndex: 'unitName', title: t('insurance.field.unit') },
    { key: 'id', dataIndex: 'idNumberMasked', title: t('insurance.field.idNumber'), responsive: ['md' as const] },
  ], [t]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.run(v);
    } catch (e) {
      // The period is one field on the form, two in the body.
      if (isApiError(e)) {
        const period = e.issues.filter((i) => /^body\.(startsOn|endsOn)$/.test(i.path));
        if (period.length) form.setFields([{ name: 'period', errors: period.map((i) => i.message) }]);
      }
      showError(e, { form, onConflict: () => { void policy.reload(); } });
    }
  };

  return (
    <Drawer open={open} onClose={onClose} width={isMobile ? '100%' : 760} destroyOnHidden
      title={p ? t('insurance.drawer.edit', { number: p.policyNumber }) : t('insurance.drawer.new')}
      extra={!readOnly && <Button type="primary" loading={save.saving} disabled={!editing && !found} onClick={() => { void submit(); }} data-testid="policy-save">{t('common.save')}</Button>}>
      {policy.error ? <ErrorState error={policy.error} onRetry={policy.reload} /> : (
        <>
          {!editing && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Input.Search value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder={t('insurance.lookup.placeholder')} maxLength={18}
                enterButton={t('insurance.lookup.find')} loading={lookup.saving} data-testid="policy-lookup"
                onSearch={(c) => {
                  setFound(null);
                  lookup.run(c.trim()).catch((e: unknown) => setLookupError(isApiError(e) && e.status === 404 ? t('insurance.lookup.notFound') : isApiError(e) ? e.message : String(e)));
                }} />
              {lookupError && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={lookupError} />}
              {found && (
                <div style={{ marginTop: 8 }} data-testid="policy-found">
                  <Typography.Text strong>{found.name}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{found.creditCode} · {found.industryName} · {found.subdistrictName}</Typography.Paragraph>
                  {found.mandatory && <Tag color={MEANING_TAG.warning}>{t('insurance.lookup.mandatory')}</Tag>}
                </div>
              )}
            </Card>
          )}
          {p && <Typography.Title level={5}>{p.enterpriseName}</Typography.Title>}
          <Form form={form} layout="vertical" initialValues={{ premiumPaidBy: 'unit', cover: '400000.00' }} disabled={(!editing && !found) || readOnly}>
            <Form.Item name="policyNumber" label={t('insurance.field.policyNumber')} rules={[{ required: true, whitespace: true, message: t('insurance.required') }, { max: 64 }]}>
              <Input maxLength={64} data-testid="policy-number" />
            </Form.Item>
            <Form.Item name="period" label={t('insurance.field.period')} rules={[{ required: true, message: t('insurance.required') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="policy-period" />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="premium" label={t('insurance.field.premium')} style={{ flex: '1 1 200px' }}
                rules={[{ required: true, message: t('insurance.required') }, { pattern: MONEY, message: t('insurance.money') }]}>
                <Input inputMode="decimal" suffix={t('insurance.yuan')} data-testid="policy-premium" />
              </Form.Item>
              <Form.Item name="premiumPaidBy" label={t('insurance.field.paidBy')} style={{ flex: '1 1 200px' }}>
                <Select options={(['unit', 'staff'] as const).map((v) => ({ value: v, label: t(`insurance.paidBy.${v}`) }))} />
              </Form.Item>
            </Flex>
            {editing && (
              <Form.Item name="cover" label={t('insurance.field.cover')} rules={[{ required: true, message: t('insurance.required') }, { pattern: MONEY, message: t('insurance.money') }]}>
                <Input inputMode="decimal" suffix={t('insurance.yuan')} data-testid="policy-cover" />
              </Form.Item>
            )}
          </Form>
          {!editing && <Typography.Paragraph type="secondary">{t('insurance.drawer.peopleHint')}</Typography.Paragraph>}
          {p && readOnly && (
            <>
              <Alert type="success" showIcon style={{ marginBottom: 12 }} message={`${t('insurance.status.confirmed')}：${t('insurance.people.count', { n: p.people.length })}`} />
              <ComplianceCard check={p.check} />
            </>
          )}
          {editing && p?.status === 'pending' && !readOnly && (
            <>
              <Space style={{ marginBottom: 8 }} wrap>
                <Checkbox checked={allPicked} indeterminate={!allPicked && picked.size > 0}
                  onChange={(e) => setPicked(e.target.checked ? new Set(items.map((r) => r.id)) : new Set())} data-testid="policy-pick-all">{t('insurance.drawer.pickAll')}</Checkbox>
                <Typography.Text type="secondary">{t('insurance.drawer.picked', { n: picked.size, total: items.length })}</Typography.Text>
              </Space>
              <Table rowKey="id" size="small" loading={roster.loading} dataSource={items} columns={columns} pagination={{ pageSize: 50, simple: isMobile }} scroll={{ x: 'max-content' }}
                rowSelection={{ selectedRowKeys: [...picked], onChange: (keys) => setPicked(new Set(keys.map(String))) }} data-testid="policy-roster" />
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('insurance.field.check')}</Typography.Title>
              <ComplianceCard check={p.check} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
