import { App, Card } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { accidentsApi } from '../api/accidents.api';
import { QuickReportForm, toReport, type QuickFormValues } from '../components/QuickReportForm';

/**
 * 事故快报 from a phone: the report is saved first (with its alerts); photos are uploaded before it and linked after,
 * and a failed upload never holds the report back.
 */
export function QuickReportPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const send = useApiMutation(async ({ values, photos }: { values: QuickFormValues; photos: File[] }) => {
    let photoIds: string[] = [];
    let photoFailed = false;
    if (photos.length) {
      try { photoIds = (await accidentsApi.uploadPhotos(enterpriseId, photos)).ids; } catch { photoFailed = true; }
    }
    const { reporterName: _n, reporterPhone: _p, website: _w, ...body } = toReport(values);
    const res = await accidentsApi.quickReport(enterpriseId, { ...body, photoIds });
    return { ...res, photoFailed };
  }, { invalidates: [['accidents']] });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="quick-report-page">
      <PageHeader title={t('accidents.quick.title')} sub={t('accidents.quick.hint')} />
      <Card>
        <QuickReportForm withPhotos saving={send.saving} onSubmit={(values, photos) => {
          send.run({ values, photos }).then((res) => {
            message.success(t('accidents.quick.done'));
            if (res.photoFailed) message.warning(t('accidents.quick.photoFailed'));
            navigate(`/enterprises/${enterpriseId}/accidents/${res.id}`);
          }, (e: unknown) => showError(e));
        }} />
      </Card>
    </div>
  );
}
