import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { employeesApi } from '../../employees/api/employees.api';
import { CERTIFICATE_KINDS, certificatesApi, certificateQueries, type CatalogueType, type CertificateKind } from '../api/certificates.api';
import { PhotoUploadField } from './PhotoUploadField';

type Values = {
  employeeId: string; kind: CertificateKind; typeCode: string; number: string; issuer: string; issuedOn: Dayjs; validUntil?: Dayjs | null;
  compliantSince?: Dayjs | null; extendedReview: boolean; attachmentId: string | null; note: string;
};
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Records a certificate: the validity and the next review follow the rule-set unless the certificate states them. */
export function CertificateDrawer({ enterpriseId, types, employeeId, onClose }: { enterpriseId: string; types: CatalogueType[]; employeeId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'special_operation';
  // The holder is searched on the server (an enterprise may have thousands of people).
  const [search, setSearch] = useState('');
  const people = useApiQuery(['employees', enterpriseId, 'certificate-picker', search],
    (signal) => employeesApi.list(enterpriseId, { pageSize: 50, status: 'active', ...(search ? { q: search } : {}) }, signal));
  const save = useApiMutation((v: Values) => certificatesApi.create(enterpriseId, {
    employeeId: v.employeeId, kind: v.kind, typeCode: v.typeCode, number: v.number.trim(), issuer: v.issuer?.trim() ?? '', issuedOn: v.issuedOn.format('YYYY-MM-DD'),
    validUntil: day(v.validUntil), compliantSince: day(v.compliantSince), extendedReview: v.extendedReview ?? false, attachmentId: v.attachmentId ?? null, note: v.note ?? '',
  }), { invalidates: certificateQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={t('certificates.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="certificate-drawer" width={560}
      initialValues={{ kind: 'special_operation', extendedReview: false, employeeId, attachmentId: null }}
    >
      <Form.Item name="employeeId" label={t('certificates.field.employee')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select showSearch filterOption={false} onSearch={(v) => setSearch(v.trim())} loading={people.loading} data-testid="certificate-field-employee"
          options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('certificates.field.kind')} rules={[{ required: true }]}>
        <Select onChange={() => form.setFieldValue('typeCode', undefined)} options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificates.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="typeCode" label={t('certificates.field.type')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select showSearch optionFilterProp="label" data-testid="certificate-field-type" options={types.filter((c) => c.kind === kind).map((c) => ({ value: c.code, label: c.name }))} />
      </Form.Item>
      <Form.Item name="number" label={t('certificates.field.number')} rules={[{ required: true, whitespace: true, max: 100, message: t('validation.required') }]}>
        <Input maxLength={100} data-testid="certificate-field-number" />
      </Form.Item>
      <Form.Item name="issuer" label={t('certificates.field.issuer')} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="issuedOn" label={t('certificates.field.issuedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="certificate-field-issuedOn" />
      </Form.Item>
      <Form.Item name="validUntil" label={t('certificates.field.validUntil')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      {kind === 'special_operation' && (
        <>
          <Form.Item name="compliantSince" label={t('certificates.field.compliantSince')}>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="extendedReview" valuePropName="checked"><Checkbox>{t('certificates.field.extendedReview')}</Checkbox></Form.Item>
        </>
      )}
      <Form.Item name="attachmentId" label={t('certificates.field.scan')}><PhotoUploadField enterpriseId={enterpriseId} /></Form.Item>
      <Form.Item name="note" label={t('certificates.field.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
    </FormDrawer>
  );
}
