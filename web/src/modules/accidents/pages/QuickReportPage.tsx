import { App, Card } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { shrinkPhoto } from '../../hazards/components/shrink-photo';
import { accidentsApi, QUICK_REPORT_PHOTOS } from '../api/accidents.api';
import { QuickReportForm, toReport, type QuickFormValues } from '../components/QuickReportForm';

/**
 * 事故快报 from a phone: one request carries the report and its photos (shrunk on the phone first). The server saves
 * the report before anything else and processes the photos after it, so a photo it cannot read never holds the report
 * back: the reporter is told, and the report shows it.
 */
export function QuickReportPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const send = useApiMutation(async ({ values, photos }: { values: QuickFormValues; photos: File[] }) => {
    const { reporterName: _n, reporterPhone: _p, website: _w, ...body } = toReport(values);
    return accidentsApi.quickReport(enterpriseId, body, await Promise.all(photos.map(shrinkPhoto)));
  }, { invalidates: [['accidents']] });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="quick-report-page">
      <PageHeader title={t('accidents.quick.title')} sub={t('accidents.quick.hint')} />
      <Card>
        <QuickReportForm maxPhotos={QUICK_REPORT_PHOTOS} saving={send.saving} onSubmit={(values, photos) => {
          send.run({ values, photos }).then((res) => {
            message.success(t('accidents.quick.done'));
            if (res.photosRefused > 0) message.warning(t('accidents.quick.photoRefused', { n: res.photosRefused }));
            navigate(`/enterprises/${enterpriseId}/accidents/${res.id}`);
          }, (e: unknown) => showError(e));
        }} />
      </Card>
    </div>
  );
}
