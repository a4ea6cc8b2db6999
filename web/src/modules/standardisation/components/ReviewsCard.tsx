import { useState } from 'react';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDate } from '../../../app/format';
import { useApiQuery } from '../../../app/useApi';
import { standardisationApi, type Review } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';
import { ReviewDrawer } from './ReviewDrawer';

/** R-STD-1: the external reviews, each with the grade awarded, its certificate's validity and the re-review day. */
export function ReviewsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t: s } = useI18n();
  const q = useApiQuery(['standardisation', enterpriseId, 'reviews'], (signal) => standardisationApi.reviews(enterpriseId, signal));
  const [adding, setAdding] = useState(false);
  return (
    <Card size="small" title={s('std.review.title')} data-testid="std-reviews"
      extra={q.data?.canRecord && <Button onClick={() => setAdding(true)} data-testid="std-review-add">{s('std.review.add')}</Button>}>
      <Typography.Paragraph type="secondary">{s('std.review.hint')}</Typography.Paragraph>
      {q.error ? <ErrorState error={q.error} onRetry={q.reload} /> : (
        <List<Review> loading={q.loading} dataSource={q.data?.items ?? []} locale={{ emptyText: s('std.review.none') }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={<Space wrap><span>{formatDate(r.reviewedOn)} · {r.reviewBody}</span>
                  {r.passed && r.grade ? <Tag color="blue">{s(`std.grade.${r.grade}`)}</Tag> : <Tag color="error">{s('std.review.fail')}</Tag>}
                  {r.validUntil && <Tag color={r.inForce ? 'success' : 'default'}>{s(r.inForce ? 'std.review.inForce' : 'std.review.expired')}</Tag>}</Space>}
                description={<Space wrap split="·">
                  {r.reviewers && <span>{r.reviewers}</span>}
                  {r.certificateNo && <span>{r.certificateNo}</span>}
                  {r.validUntil && <span>{s('std.review.validUntil', { date: formatDate(r.validUntil) })}</span>}
                  {r.reReviewOn && r.inForce && <span>{s('std.review.reReview', { date: formatDate(r.reReviewOn) })}</span>}
                </Space>}
              />
            </List.Item>
          )} />
      )}
      {adding && <ReviewDrawer enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
