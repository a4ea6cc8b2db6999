import { useEffect, useRef } from 'react';
import { Flex } from 'antd';
import { CameraButton } from './CameraButton';
import { PhotoStrip } from './PhotoStrip';

export type LocalPhoto = { key: string; blob: Blob; url: string };

type Props = { value: LocalPhoto[]; onChange: (next: LocalPhoto[]) => void; label: string; testId: string; max?: number };

let seq = 0;

/** Photos kept on the phone until the whole form is sent in one request (a check run); thumbnails are local. */
export function LocalPhotoField({ value, onChange, label, testId, max = 3 }: Props) {
  const owned = useRef<string[]>([]);
  useEffect(() => () => owned.current.forEach((u) => URL.revokeObjectURL(u)), []);
  return (
    <Flex vertical gap={8}>
      <PhotoStrip
        testId={`${testId}-thumbs`}
        size={64}
        photos={value.map((p) => ({ key: p.key, src: p.url }))}
        onRemove={(key) => onChange(value.filter((p) => p.key !== key))}
      />
      {value.length < max && (
        <div>
          <CameraButton
            testId={testId}
            label={label}
            onPick={(blobs) => {
              const added = blobs.slice(0, max - value.length).map((blob) => {
                const url = URL.createObjectURL(blob);
                owned.current.push(url);
                seq += 1;
                return { key: `p${seq}`, blob, url };
              });
              onChange([...value, ...added]);
            }}
          />
        </div>
      )}
    </Flex>
  );
}
