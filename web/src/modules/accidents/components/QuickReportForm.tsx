import { Button, DatePicker, Form, Input, InputNumber, Segmented, Select, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { ACCIDENT_TYPES, type AccidentKind, type AccidentType, type PublicReportInput } from '../api/accidents.api';

export type QuickFormValues = {
  kind: AccidentKind; summary: string; place?: string; occurredAt?: Dayjs | null; accidentType?: AccidentType | null;
  deaths?: number | null; seriousInjuries?: number | null; minorInjuries?: number | null; missing?: number | null;
  reporterName?: string; reporterPhone?: string; website?: string;
};

/** The form's values as the API takes them (unset counts are zero). */
export function toReport(v: QuickFormValues): PublicReportInput {
  return {
    kind: v.kind, summary: v.summary, place: v.place ?? '', accidentType: v.accidentType ?? null,
    ...(v.occurredAt ? { occurredAt: v.occurredAt.toISOString() } : {}),
    deaths: v.deaths ?? 0, seriousInjuries: v.seriousInjuries ?? 0, minorInjuries: v.minorInjuries ?? 0, missing: v.missing ?? 0,
    ...(v.reporterName !== undefined ? { reporterName: v.reporterName, reporterPhone: v.reporterPhone ?? '', website: v.website ?? '' } : {}),
  };
}

/**
 * The quick report (快报) form, built for a phone: one column, big controls, only "what happened" required; up to
 * `maxPhotos` photos from the camera. The public QR page adds who is reporting and a honeypot field hidden from people.
 */
export function QuickReportForm({ onSubmit, saving, maxPhotos = 0, publicForm }: {
  onSubmit: (values: QuickFormValues, photos: File[]) => void; saving: boolean; maxPhotos?: number; publicForm?: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<QuickFormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const count = (name: 'deaths' | 'seriousInjuries' | 'minorInjuries' | 'missing', label: string) => (
    <Form.Item name={name} label={label} style={{ flex: '1 1 40%' }}>
      <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} size="large" />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'accident' }} data-testid="quick-report-form"
      onFinish={(v) => onSubmit(v, files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])))}>
      <Form.Item name="kind" label={t('accidents.quick.kind')}>
        <Segmented block size="large" options={[{ value: 'accident', label: t('accidents.kind.accident') }, { value: 'near_miss', label: t('accidents.kind.near_miss') }]} />
      </Form.Item>
      <Form.Item name="summary" label={t('accidents.quick.summary')} rules={[{ required: true, whitespace: true, message: t('accidents.quick.summary') }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="quick-summary" />
      </Form.Item>
      <Form.Item name="place" label={t('accidents.quick.place')}><Input size="large" maxLength={200} /></Form.Item>
      <Form.Item name="occurredAt" label={t('accidents.quick.occurredAt')}><DatePicker showTime size="large" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="accidentType" label={t('accidents.quick.type')}>
        <Select allowClear size="large" options={ACCIDENT_TYPES.map((c) => ({ value: c, label: t(`accidents.type.${c}`) }))} />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {count('deaths', t('accidents.detail.deaths'))}
        {count('seriousInjuries', t('accidents.detail.serious'))}
        {count('minorInjuries', t('accidents.detail.minor'))}
        {count('missing', t('accidents.detail.missing'))}
      </div>
      {maxPhotos > 0 && (
        <Form.Item label={t('accidents.quick.photos')} extra={t('accidents.quick.photosMax', { n: maxPhotos })}>
          <Upload listType="picture-card" accept="image/*" multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, maxPhotos))}
            data-testid="quick-photos">
            {files.length < maxPhotos && <CameraOutlined style={{ fontSize: 24 }} />}
          </Upload>
        </Form.Item>
      )}
      {publicForm && (
        <>
          <Form.Item name="reporterName" label={t('accidents.quick.reporterName')}><Input size="large" maxLength={50} /></Form.Item>
          <Form.Item name="reporterPhone" label={t('accidents.quick.reporterPhone')}><Input size="large" inputMode="tel" maxLength={30} /></Form.Item>
          {/* Hidden from people; a bot that fills every field fills this one too. */}
          <Form.Item name="website" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }} aria-hidden>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Button type="primary" danger htmlType="submit" size="large" block loading={saving} data-testid="quick-submit">{t('accidents.quick.submit')}</Button>
    </Form>
  );
}
