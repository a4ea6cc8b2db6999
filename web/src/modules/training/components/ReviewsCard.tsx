import { Button, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useApiQuery } from '../../../app/useApi';
import { trainingApi } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

/** R-RESP-5: the quarters of the year whose plan check the principal signed, and the way to the review page. */
export function ReviewsCard({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useI18n();
  const q = useApiQuery(['training', enterpriseId, 'reviews', year], (signal) => trainingApi.reviews(enterpriseId, year, signal));
  return (
    <Card size="small" title={t('training.review.title')} data-testid="training-reviews"
      extra={q.data?.abilities.canSign && <Link to="/training/review"><Button type="primary">{t('training.review.open')}</Button></Link>}>
      <Typography.Paragraph type="secondary">{t('training.review.hint')}</Typography.Paragraph>
      <List loading={q.loading} dataSource={q.data?.items ?? []} locale={{ emptyText: t('training.review.none') }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={<>{t('training.review.quarter', { year: r.year, quarter: r.quarter })} <Tag color="success">{t('training.review.signed', { name: r.signedByName ?? '', at: formatDateTime(r.signedAt) })}</Tag></>}
              description={<>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{r.comments}</Typography.Paragraph>
                <Typography.Text type="secondary">{t('training.review.planned', { items: r.report.plannedItems, hours: r.report.plannedHours, done: r.report.doneItems })}</Typography.Text>
              </>} />
          </List.Item>
        )} />
    </Card>
  );
}
