import { useState } from 'react';
import { LockOutlined, VideoCameraAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Progress, Tag, Typography, Upload } from 'antd';
import { isApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { drillsApi, type DrillDetail } from '../api/drills.api';

/** The video limit of the attachments store (src/platform/files/kinds.ts, VIDEO_MAX_BYTES). */
export const VIDEO_MAX_MB = 50;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm)$/i;

/** A file the browser can tell is not one of the videos the server keeps (the server judges the bytes anyway). */
export function videoRefusal(file: { name: string; type: string; size: number }): 'drill.video.notVideo' | 'drill.video.tooLarge' | null {
  if (!VIDEO_TYPES.includes(file.type) && !VIDEO_EXTENSIONS.test(file.name)) return 'drill.video.notVideo';
  if (file.size > VIDEO_MAX_MB * 1024 * 1024) return 'drill.video.tooLarge';
  return null;
}

type Props = { drill: DrillDetail; onUploaded: () => void };

/** 演练视频: played in the page (seeking by Range), uploaded one at a time with its progress by a manager. */
export function DrillVideos({ drill, onUploaded }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const videos = drill.files.filter((f) => f.kind === 'video');
  const canAdd = drill.abilities.upload && videos.length < drill.maxVideos;

  async function send(file: File) {
    const refusal = videoRefusal(file);
    if (refusal) {
      void message.error(t(refusal, { max: VIDEO_MAX_MB }));
      return;
    }
    setProgress(0);
    try {
      await drillsApi.uploadVideo(drill.enterpriseId, drill.id, file, (p) => setProgress(Math.round(p * 100)));
      void message.success(t('drill.video.uploaded'));
      onUploaded();
    } catch (e) {
      const code = isApiError(e) ? e.code : null;
      if (code === 'PAYLOAD_TOO_LARGE') void message.error(t('drill.video.tooLarge', { max: VIDEO_MAX_MB }));
      else if (code === 'UNSUPPORTED_FILE') void message.error(t('drill.video.notVideo'));
      else void message.error(e instanceof Error ? e.message : t('drill.video.failed'));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card size="small" title={`${t('drill.videos')}（${videos.length}/${drill.maxVideos}）`} data-testid="drill-videos" extra={drill.abilities.upload && (
      <Upload accept="video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm" showUploadList={false} disabled={!canAdd || progress !== null}
        beforeUpload={(file) => { void send(file); return false; }}>
        <Button icon={<VideoCameraAddOutlined />} disabled={!canAdd} loading={progress !== null} data-testid="drill-video-upload">{t('drill.video.upload')}</Button>
      </Upload>
    )}>
      {progress !== null && <Progress percent={progress} size="small" data-testid="drill-video-progress" />}
      {drill.abilities.upload && <Typography.Text type="secondary">{t('drill.video.hint', { max: VIDEO_MAX_MB, count: drill.maxVideos })}</Typography.Text>}
      {videos.length === 0 ? <div><Typography.Text type="secondary">{t('drill.video.none')}</Typography.Text></div> : (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {videos.map((v) => (
            <Flex key={v.id} vertical gap={4} style={{ width: 320, maxWidth: '100%' }}>
              <video controls preload="metadata" src={v.url} style={{ width: '100%', borderRadius: 4, background: '#000' }} data-testid="drill-video">
                <track kind="captions" />
              </video>
              <Typography.Text type="secondary" ellipsis>{v.name}{v.locked && <Tag icon={<LockOutlined />} style={{ marginLeft: 8 }}>{t('drill.video.locked')}</Tag>}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
