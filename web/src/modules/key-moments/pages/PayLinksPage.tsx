import { useState } from 'react';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, InputNumber, List, Typography, Upload } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { keyMomentsApi, payLinkQueries } from '../api/key-moments.api';

type Values = { year: number; description: string };

/** 薪酬与安全生产挂钩 (R-RESP-7): a state-owned enterprise's yearly records with their evidence, and recording this year's. */
export function PayLinksPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm<Values>();
  const [documents, setDocuments] = useState<File[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const { data, error, loading, reload } = useApiQuery(['pay-links', enterpriseId], (signal) => keyMomentsApi.payLinks(enterpriseId, signal));
  const save = useApiMutation((v: Values) => keyMomentsApi.recordPayLink(enterpriseId, { year: v.year, description: v.description.trim(), documents, photos }), {
    invalidates: payLinkQueries(enterpriseId),
    onSuccess: () => { void message.success(t('payLink.saved')); setRecording(false); setDocuments([]); setPhotos([]); },
  });
  const latest = data?.items[0]?.year;

  return (
    <div data-testid="pay-links-page">
      <PageHeader title={t('payLink.title')}
        extra={data?.canRecord && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="pay-link-record">{t('payLink.record')}</Button>} />
      <Typography.Paragraph type="secondary">{t('payLink.hint')}</Typography.Paragraph>
      {data && !data.applies && <Alert type="info" showIcon title={t('payLink.notApplicable')} style={{ marginBottom: 16 }} />}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <List
          loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payLink.empty')} /> }}
          renderItem={(p) => (
            <Card size="small" style={{ marginBottom: 12 }} title={`${p.year} ${t('payLink.year')}`} data-testid={`pay-link-${p.year}`}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.description}</Typography.Paragraph>
              <Flex vertical gap={4}>
                {p.files.map((f) => <a key={f.id} href={f.url} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.name || f.mime}</a>)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('payLink.recordedBy', { name: p.recordedByName ?? '—', at: formatDate(p.recordedAt) })}</Typography.Text>
            </Card>
          )}
        />
      )}
      {recording && (
        <FormDrawer<Values>
          title={t('payLink.record')} form={form} initialValues={{ year: latest === undefined ? undefined : latest + 1, description: '' }}
          onSubmit={async (v) => {
            if (documents.length + photos.length === 0) { void message.error(t('payLink.evidenceRequired')); return; }
            await save.run(v);
          }}
          saving={save.saving} onClose={() => setRecording(false)} testId="pay-link-form"
        >
          <Form.Item name="year" label={t('payLink.year')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="description" label={t('payLink.description')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <LimitedTextArea rows={5} max={4000} />
          </Form.Item>
          <Form.Item name="document" label={t('payLink.documents')}>
            <Upload accept="application/pdf" multiple beforeUpload={(f) => { setDocuments((xs) => [...xs, f]); return false; }}
              onRemove={(f) => setDocuments((xs) => xs.filter((x) => x.name !== f.name))}>
              <Button icon={<UploadOutlined />}>{t('payLink.choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="photo" label={t('payLink.photos')}>
            <Upload accept="image/*" multiple listType="picture" beforeUpload={(f) => { setPhotos((xs) => [...xs, f]); return false; }}
              onRemove={(f) => setPhotos((xs) => xs.filter((x) => x.name !== f.name))}>
              <Button icon={<UploadOutlined />}>{t('payLink.choose')}</Button>
            </Upload>
          </Form.Item>
        </FormDrawer>
      )}
    </div>
  );
}
