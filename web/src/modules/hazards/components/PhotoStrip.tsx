import { CloseCircleFilled } from '@ant-design/icons';
import { Flex, Image } from 'antd';
import { useI18n } from '../../../app/i18n';

export type StripPhoto = { key: string; src: string };

type Props = { photos: StripPhoto[]; size?: number; onRemove?: (key: string) => void; testId?: string };

/** A row of square thumbnails; a tap opens the preview (zoom, swipe through the group). */
export function PhotoStrip({ photos, size = 72, onRemove, testId }: Props) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid={testId}>
        {photos.map((p) => (
          <div key={p.key} style={{ position: 'relative', width: size, height: size }}>
            <Image
              src={p.src}
              width={size}
              height={size}
              alt=""
              style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #e5e7eb' }}
              data-testid="photo-thumb"
            />
            {onRemove && (
              <button
                type="button"
                aria-label={t('hazardPhoto.remove')}
                onClick={() => onRemove(p.key)}
                style={{ position: 'absolute', top: -6, right: -6, border: 0, background: 'transparent', padding: 0, cursor: 'pointer', color: '#ff4d4f', fontSize: 18, lineHeight: 1 }}
              >
                <CloseCircleFilled />
              </button>
            )}
          </div>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
