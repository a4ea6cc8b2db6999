import { Card, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { shrinkPhoto } from '../../hazards/components/shrink-photo';
import { accidentsApi, PUBLIC_REPORT_PHOTOS } from '../api/accidents.api';
import { QuickReportForm, toReport } from '../components/QuickReportForm';

/** The quick report behind a post's QR code: no sign-in, the post named by the code, phone-width, up to three photos. */
export function PublicQuickReportPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const showError = useShowError();
  const [done, setDone] = useState<{ reference: string; photosRefused: number } | null>(null);
  const form = useApiQuery(['accidents', 'public-form', token], (signal) => accidentsApi.publicForm(token, signal));
  const send = useApiMutation(async ({ body, photos }: { body: ReturnType<typeof toReport>; photos: File[] }) =>
    accidentsApi.publicReport(token, body, await Promise.all(photos.map(shrinkPhoto))), { invalidates: [] });
  return (
    <div style={{ background: '#f5f5f5', minHeight: '100vh', padding: 12 }} data-testid="public-quick-report">
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        {form.error ? <Result status="404" title={t('accidents.quick.notFound')} /> : !form.data ? <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div> : done ? (
          <Result status="success" title={t('accidents.quick.publicDone', { ref: done.reference })}
            subTitle={done.photosRefused > 0 ? t('accidents.quick.photoRefused', { n: done.photosRefused }) : undefined} />
        ) : (
          <Card title={t('accidents.quick.title')}>
            <Typography.Paragraph strong>{form.data.enterpriseName} · {form.data.orgUnitName} · {form.data.postName}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('accidents.quick.hint')}</Typography.Paragraph>
            <QuickReportForm publicForm maxPhotos={PUBLIC_REPORT_PHOTOS} saving={send.saving} onSubmit={(values, photos) => {
              send.run({ body: toReport({ ...values, reporterName: values.reporterName ?? '' }), photos })
                .then((r) => setDone({ reference: r.reference, photosRefused: r.photosRefused }), (e: unknown) => showError(e));
            }} />
          </Card>
        )}
        <p style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>{t('accidents.quick.publicNote')}</p>
      </div>
    </div>
  );
}
