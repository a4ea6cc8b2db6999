import { useMemo } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../../app/auth';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { numberRange } from '../../../app/components/number-rules';
import { useI18n } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import { useApiMutation } from '../../../app/useApi';
import {
  ENTERPRISE_STATUSES, enterprisesApi, type EnterpriseCreate, type EnterpriseDetail, type EnterpriseFields,
} from '../api/enterprises.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props =
  | { mode: 'create'; enterprise?: undefined; onClose: () => void; onSaved: (e: EnterpriseDetail) => void; onConflict?: undefined }
  | { mode: 'edit'; enterprise: EnterpriseDetail; onClose: () => void; onSaved: (e: EnterpriseDetail) => void; onConflict: () => void };

type FormValues = Omit<EnterpriseFields, 'onboardedOn'> & { creditCode: string; onboardedOn: Dayjs | null };

const FLAGS = ['aboveScale', 'centralProvincial', 'stateOwned', 'crowdedVenue', 'hazardousGoodsCarrier', 'hasWorkersCongress'] as const;
const FIELDS: readonly Exclude<keyof EnterpriseFields, 'onboardedOn'>[] = [
  'name', 'address', 'subdistrictId', 'industryCode', 'legalRepresentative', 'principalName', 'principalPhone',
  'employeeCount', 'aboveScale', 'centralProvincial', 'stateOwned', 'crowdedVenue', 'highRisk', 'status',
  'annualRevenueWan', 'hazardousGoodsCarrier', 'hasWorkersCongress', 'actualController',
];
/** The server's limit on 营业收入 (numeric(14, 2), in 万元). */
const REVENUE_MAX = 999_999_999_999.99;

const EMPTY: FormValues = {
  creditCode: '', name: '', address: '', subdistrictId: '', industryCode: '', legalRepresentative: '', principalName: '',
  principalPhone: '', employeeCount: 0, aboveScale: false, centralProvincial: false, stateOwned: false, crowdedVenue: false,
  highRisk: false, status: 'active', annualRevenueWan: null, hazardousGoodsCarrier: false, hasWorkersCongress: false,
  actualController: '', onboardedOn: null,
};
const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Create (district admin) or edit (whoever the server says canEdit) an enterprise's profile. */
export function EnterpriseFormDrawer({ mode, enterprise, onClose, onSaved, onConflict }: Props) {
  const { t, tx, locale } = useI18n();
  const me = useMe();
  // The date an enterprise joined the platform is the district's to set (the server refuses it from anyone else).
  const setsOnboarding = me.scope.kind === 'district';
  const [form] = Form.useForm<FormValues>();
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');

  const initial = useMemo<FormValues>(() => {
    if (!enterprise) return EMPTY;
    const values = { ...EMPTY, creditCode: enterprise.creditCode, onboardedOn: enterprise.onboardedOn ? dayjs(enterprise.onboardedOn) : null };
    for (const key of FIELDS) (values as Record<string, unknown>)[key] = enterprise[key];
    return values;
  }, [enterprise]);

  // The directory and the enterprise's own page (`['enterprises', …]`) show what was saved.
  const save = useApiMutation(
    (values: FormValues): Promise<EnterpriseDetail> => {
      if (mode === 'create') {
        const body: EnterpriseCreate = { ...values, creditCode: values.creditCode.trim().toUpperCase(), onboardedOn: day(values.onboardedOn) };
        return enterprisesApi.create(body);
      }
      // Only what changed goes to the server, so the audit trail shows the real edit.
      const patch: Record<string, unknown> = {};
      for (const key of FIELDS) if (values[key] !== initial[key]) patch[key] = values[key];
      if (day(values.onboardedOn) !== day(initial.onboardedOn)) patch.onboardedOn = day(values.onboardedOn);
      return enterprisesApi.update(enterprise.id, { ...patch, version: enterprise.version });
    },
    { invalidates: [['enterprises']], onSuccess: onSaved },
  );

  return (
    <FormDrawer<FormValues>
      title={mode === 'create' ? t('enterprise.create') : t('enterprise.edit')}
      width={720}
      form={form}
      initialValues={initial}
      onSubmit={save.run}
      saving={save.saving}
      onClose={onClose}
      onConflict={onConflict}
      testId="enterprise-form"
      saveTestId="enterprise-save"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t('enterprise.creditCode')}
            extra={mode === 'create' ? t('enterprise.creditCodeHint') : undefined}
            rules={[{ required: true, message: t('validation.required') }, { len: 18, message: t('enterprise.creditCodeLength') }]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input maxLength={18} disabled={mode === 'edit'} style={{ fontFamily: 'monospace' }} data-testid="field-creditCode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 2, message: t('validation.minLength', { n: 2 }) }]}>
            <LimitedInput max={200} data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('enterprise.address')}>
            <LimitedInput max={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subdistrictId" label={t('enterprise.subdistrict')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} data-testid="field-subdistrict" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryCode" label={t('enterprise.industry')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))}
              onChange={(code: string) => {
                // An industry on the high-risk list suggests a high-risk enterprise; the editor can still switch it off.
                const industry = industries.find((i) => i.code === code);
                if (industry?.highRisk) form.setFieldValue('highRisk', true);
              }}
              data-testid="field-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="legalRepresentative" label={t('enterprise.legalRepresentative')}>
            <LimitedInput max={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="principalName" label={t('enterprise.principalName')}>
            <LimitedInput max={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="principalPhone" label={t('enterprise.principalPhone')} rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/, message: t('validation.phone') }]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="employeeCount" label={t('enterprise.employeeCount')} rules={numberRange(t, { max: 1_000_000 })}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="annualRevenueWan"
            label={t('enterprise.annualRevenueWan')}
            extra={t('enterprise.annualRevenueHint')}
            rules={[
              ...numberRange(t, { min: 0, max: REVENUE_MAX }),
              // No `precision` on the input: it would round 12.345 on blur without a word; the rule says why instead.
              { validator: (_, v: unknown) => (typeof v === 'number' && !/^-?\d+(\.\d{1,2})?$/.test(String(v)) ? Promise.reject(new Error(t('enterprise.revenueDecimals'))) : Promise.resolve()) },
            ]}
          >
            <InputNumber<number> style={{ width: '100%' }} suffix={t('enterprise.revenueUnit')} data-testid="field-annualRevenueWan" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="actualController" label={t('enterprise.actualController')}>
            <LimitedInput max={100} data-testid="field-actualController" />
          </Form.Item>
        </Col>
        {setsOnboarding && (
          <Col xs={24} md={12}>
            <Form.Item name="onboardedOn" label={t('enterprise.onboardedOn')} extra={t('enterprise.onboardedOnHint')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="field-onboardedOn" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('enterprise.status')}>
            <Select options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: tx(`enterpriseStatus.${s}`, s) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="highRisk" label={t('enterprise.highRisk')} valuePropName="checked">
            <Switch data-testid="field-highRisk" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('enterprise.attributes')} style={{ marginBottom: 0 }}>
            <Row gutter={[8, 0]}>
              {FLAGS.map((flag) => (
                <Col xs={24} sm={12} key={flag}>
                  <Form.Item name={flag} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t(`enterprise.${flag}`)}</Checkbox>
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
