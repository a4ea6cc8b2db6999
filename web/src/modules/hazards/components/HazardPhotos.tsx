import { Col, Empty, Row, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardPhoto } from '../api/hazards.api';
import { PhotoStrip } from './PhotoStrip';

/** Before and after side by side: the proof of a rectification is in the comparison. */
export function HazardPhotos({ photos }: { photos: HazardPhoto[] }) {
  const { t } = useI18n();
  const before = photos.filter((p) => p.stage !== 'after');
  const after = photos.filter((p) => p.stage === 'after');
  const column = (title: string, list: HazardPhoto[], testId: string) => (
    <Col xs={24} md={12}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{title}</Typography.Text>
      {list.length
        ? <PhotoStrip testId={testId} size={96} photos={list.map((p) => ({ key: p.id, src: p.url }))} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazardPhoto.none')} style={{ margin: 0 }} />}
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {column(t('hazard.beforePhotos'), before, 'hazard-photos-before')}
      {column(t('hazard.afterPhotos'), after, 'hazard-photos-after')}
    </Row>
  );
}
