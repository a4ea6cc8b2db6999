import { Flex } from 'antd';
import { CameraButton } from './CameraButton';
import { PhotoStrip } from './PhotoStrip';

export type LocalPhoto = { key: string; blob: Blob; url: string };

type Props = { value: LocalPhoto[]; onChange: (next: LocalPhoto[]) => void; label: string; testId: string; max?: number };

let seq = 0;

/** A photo held on the phone, with a local URL for its thumbnail; `revokePhotos` lets the URL go. */
export function localPhoto(blob: Blob): LocalPhoto {
  seq += 1;
  return { key: `p${seq}`, blob, url: URL.createObjectURL(blob) };
}

export function revokePhotos(photos: readonly LocalPhoto[]): void {
  for (const p of photos) URL.revokeObjectURL(p.url);
}

/**
 * Photos kept on the phone until the whole form is sent in one request (a check run); thumbnails are local. The field
 * lets go of a photo the user removes; the photos still in `value` belong to the form, which revokes them when it
 * drops them, so a photo survives the field being hidden and shown again (a result changed from fail and back).
 */
export function LocalPhotoField({ value, onChange, label, testId, max = 3 }: Props) {
  return (
    <Flex vertical gap={8}>
      <PhotoStrip
        testId={`${testId}-thumbs`}
        size={64}
        photos={value.map((p) => ({ key: p.key, src: p.url }))}
        onRemove={(key) => {
          revokePhotos(value.filter((p) => p.key === key));
          onChange(value.filter((p) => p.key !== key));
        }}
      />
      {value.length < max && (
        <div>
          <CameraButton
            testId={testId}
            label={label}
            onPick={(blobs) => onChange([...value, ...blobs.slice(0, max - value.length).map(localPhoto)])}
          />
        </div>
      )}
    </Flex>
  );
}
