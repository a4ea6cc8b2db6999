import { useRef, useState } from 'react';
import { CameraOutlined, DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { shrinkPhoto } from '../../hazards/components/shrink-photo';

/** What evidence may be: photos, PDF, Word documents and Excel workbooks (the server decides by content: obligation.views.ts). */
export const EVIDENCE_ACCEPT = 'image/*,application/pdf,.pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's limit per request (obligation.routes.ts). */
export const EVIDENCE_MAX_FILES = 10;

type Props = { value?: Blob[]; onChange?: (files: Blob[]) => void; testId?: string };

const nameOf = (f: Blob, i: number) => (f instanceof File ? f.name : `evidence-${i + 1}.jpg`);
const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * The evidence picker, one thumb away on a phone: 拍照 opens the rear camera at once, 选择文件 the file chooser (photos,
 * PDF, Word, Excel; several at a time). Photos are shrunk before they are sent; the picked files are listed to remove one.
 */
export function EvidenceFilesField({ value = [], onChange, testId = 'evidence-files' }: Props) {
  const { t } = useI18n();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const add = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    setBusy(true);
    void Promise.all(files.map((f) => (f.type.startsWith('image/') ? shrinkPhoto(f) : Promise.resolve<Blob>(f))))
      .then((blobs) => onChange?.([...value, ...blobs]))
      .finally(() => setBusy(false));
  };

  return (
    <Flex vertical gap={8}>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid={`${testId}-camera`}
        onChange={(e) => { add(e.target.files); e.target.value = ''; }}
      />
      <input
        ref={picker}
        type="file"
        accept={EVIDENCE_ACCEPT}
        multiple
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => { add(e.target.files); e.target.value = ''; }}
      />
      <Flex gap={8} wrap>
        <Button size="large" icon={<CameraOutlined />} loading={busy} disabled={value.length >= EVIDENCE_MAX_FILES} onClick={() => camera.current?.click()} data-testid={`${testId}-camera-button`}>
          {t('obligation.takePhoto')}
        </Button>
        <Button size="large" icon={<PaperClipOutlined />} loading={busy} disabled={value.length >= EVIDENCE_MAX_FILES} onClick={() => picker.current?.click()} data-testid={`${testId}-button`}>
          {t('obligation.chooseFiles')}
        </Button>
      </Flex>
      {value.length > 0 && (
        <Flex vertical gap={4} data-testid={`${testId}-list`}>
          {value.map((f, i) => (
            <Flex key={`${nameOf(f, i)}-${i}`} align="center" gap={8} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 8px' }}>
              <FileOutlined />
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>{nameOf(f, i)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sizeOf(f.size)}</Typography.Text>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('obligation.removeFile')}
                onClick={() => onChange?.(value.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
