import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Empty, Flex, Image, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { obligationsApi, type EvidenceFile } from '../api/obligations.api';

/**
 * The evidence attached to the duty: photos as thumbnails that open full size, PDF, Word and Excel files as downloads; the
 * duty's own file route serves them to whoever sees the duty.
 */
export function EvidenceFiles({ enterpriseId, occurrenceId, files }: { enterpriseId: string; occurrenceId: string; files: EvidenceFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligation.filesEmpty')} />;
  const photos = files.filter((f) => f.kind === 'photo');
  const others = files.filter((f) => f.kind !== 'photo');
  return (
    <Flex vertical gap={12} data-testid="duty-files">
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {photos.map((f) => (
              <Image
                key={f.id}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                src={obligationsApi.fileUrl(enterpriseId, occurrenceId, f.id)}
                alt={f.name}
                data-testid="duty-file-photo"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <Flex key={f.id} gap={8} align="center" data-testid="duty-file">
          {f.mime === 'application/pdf' ? <FilePdfOutlined /> : f.mime.includes('wordprocessing') ? <FileWordOutlined /> : <FileExcelOutlined />}
          <Typography.Link href={obligationsApi.fileUrl(enterpriseId, occurrenceId, f.id)} download={f.name || undefined} ellipsis style={{ minWidth: 0 }}>
            {f.name || t('obligation.files')}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatDateTime(f.createdAt)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
