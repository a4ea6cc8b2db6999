import { useEffect, useRef, useState } from 'react';
import { Flex, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { hazardsApi } from '../api/hazards.api';
import { CameraButton } from './CameraButton';
import { PhotoStrip } from './PhotoStrip';

type Props = {
  enterpriseId: string;
  /** Photo ids on the server, in the order they were taken. Works as a Form.Item child. */
  value?: string[];
  onChange?: (ids: string[]) => void;
  onUploading?: (busy: boolean) => void;
  label: string;
  testId: string;
  max?: number;
  block?: boolean;
};

/** Takes photos and uploads them at once, so the final submit only carries their ids (R-HAZ-6: report in seconds). */
export function PhotoUploadField({ enterpriseId, value = [], onChange, onUploading, label, testId, max = 10, block }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  // The photos wait on the server for the form that names them: no query shows them yet, so none is reloaded.
  const send = useApiMutation((batch: Blob[]) => hazardsApi.uploadPhotos(enterpriseId, batch), { invalidates: [] });
  const uploading = send.saving;
  // Thumbnails come from the local files (no round trip); object URLs are freed with the component.
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const upload = async (blobs: Blob[]) => {
    const room = Math.max(0, max - value.length);
    const batch = blobs.slice(0, room);
    if (batch.length === 0) return;
    onUploading?.(true);
    try {
      const { ids } = await send.run(batch);
      const next: Record<string, string> = {};
      ids.forEach((id, i) => {
        const url = URL.createObjectURL(batch[i]!);
        urls.current.push(url);
        next[id] = url;
      });
      setPreviews((p) => ({ ...p, ...next }));
      onChange?.([...value, ...ids]);
    } catch (e) {
      showError(e);
    } finally {
      onUploading?.(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <PhotoStrip
        testId={`${testId}-thumbs`}
        photos={value.map((id) => ({ key: id, src: previews[id] ?? hazardsApi.photoUrl(enterpriseId, id) }))}
        onRemove={(id) => onChange?.(value.filter((v) => v !== id))}
      />
      <Flex align="center" gap={8} wrap>
        <CameraButton onPick={upload} label={label} testId={testId} loading={uploading} disabled={value.length >= max} block={block} size={block ? 'large' : undefined} />
        {uploading && <Typography.Text type="secondary">{t('hazardPhoto.uploading')}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
