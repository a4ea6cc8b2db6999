import { useRef, useState, type ReactNode } from 'react';
import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { shrinkPhoto } from './shrink-photo';

type Props = {
  onPick: (files: Blob[]) => void | Promise<void>;
  label: ReactNode;
  testId: string;
  disabled?: boolean;
  loading?: boolean;
  block?: boolean;
  size?: 'small' | 'middle' | 'large';
  type?: 'default' | 'primary' | 'dashed';
};

/** Opens the phone's rear camera (a file picker on a desktop); photos are shrunk before they are handed on. */
export function CameraButton({ onPick, label, testId, disabled, loading, block, size, type = 'default' }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length === 0) return;
          setBusy(true);
          void Promise.all(files.map(shrinkPhoto))
            .then((blobs) => onPick(blobs))
            .finally(() => setBusy(false));
        }}
      />
      <Button
        icon={<CameraOutlined />}
        type={type}
        size={size}
        block={block}
        disabled={disabled}
        loading={busy || loading}
        onClick={() => input.current?.click()}
        data-testid={`${testId}-button`}
      >
        {label}
      </Button>
    </>
  );
}
