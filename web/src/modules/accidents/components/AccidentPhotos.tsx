import { ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { AccidentDetail } from '../api/accidents.api';

const TILE = { width: 96, height: 96, borderRadius: 6, background: '#fafafa', border: '1px dashed #d9d9d9', fontSize: 12, textAlign: 'center' as const };

/**
 * A report's photos. Sent with a quick report, a photo is processed after the report is saved: until then it shows as
 * 处理中 (the server does not serve it yet), and one it could not read shows as such instead of a broken image.
 */
export function AccidentPhotos({ photos }: { photos: AccidentDetail['photos'] }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="accident-photos">
        {photos.map((p) => (p.state === 'ready' ? <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} /> : (
          <Flex key={p.id} vertical align="center" justify="center" gap={4} style={TILE} data-testid={`photo-${p.state}`}>
            {p.state === 'pending' ? <LoadingOutlined /> : <ExclamationCircleOutlined style={{ color: '#faad14' }} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`accidents.photo.${p.state}`)}</Typography.Text>
          </Flex>
        )))}
      </Flex>
    </Image.PreviewGroup>
  );
}
