import { useState } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { DiffOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { api } from '../api';
import { useShowError } from '../errors';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useApiMutation } from '../useApi';

type Who = { id: string; name: string } | null;
/** One version of a locked submission, as the server lists them (newest first). */
export type SubmissionVersion = {
  version: number; status: 'draft' | 'confirmed' | 'submitted';
  confirmedBy: Who; confirmedAt: string | null; submittedBy: Who; submittedAt: string | null;
  sha256: string | null; pdfSha256: string | null;
};

type Props = {
  versions: SubmissionVersion[];
  /** The version the page shows. */
  current: number;
  /** `${base}/versions/${n}/pdf` is the PDF of version n; `${base}/corrections` starts a correction. */
  base: string;
  pdfName: (version: number) => string;
  canCorrect: boolean;
  onCorrect: () => Promise<void>;
  /** What a correction changes, reloaded after it (every query when not given). */
  invalidates?: QueryKey[];
};

const COLOR = { draft: 'default', confirmed: 'processing', submitted: 'success' } as const;

/**
 * The version history of a signed and submitted document: each version with who confirmed and submitted it, its
 * snapshot hash and a PDF download once submitted; and the correction that starts a new version.
 */
export function SubmissionVersions({ versions, current, base, pdfName, canCorrect, onCorrect, invalidates }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  // A download writes nothing: the version whose PDF is on its way is local state, not a mutation.
  const [downloading, setDownloading] = useState<number | null>(null);
  const correction = useApiMutation<void, void>(onCorrect, { invalidates, onSuccess: () => message.success(t('submission.corrected')) });

  const download = async (v: number) => {
    setDownloading(v);
    try {
      await api.download(`${base}/versions/${v}/pdf`, undefined, pdfName(v));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(null);
    }
  };
  const correct = async () => {
    try {
      await correction.run();
    } catch (e) {
      showError(e);
    }
  };
  const correcting = versions.length > 1 && versions[0]?.status !== 'submitted' ? versions[0]!.version : null;

  if (versions.length === 0 && !canCorrect) return null;
  return (
    <Card
      size="small"
      title={t('submission.versions')}
      data-testid="submission-versions"
      extra={canCorrect && (
        <Popconfirm title={t('submission.correctAsk')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void correct()}>
          <Button icon={<DiffOutlined />} loading={correction.saving} data-testid="submission-correct">{t('submission.correct')}</Button>
        </Popconfirm>
      )}
    >
      {correcting !== null && <Alert style={{ marginBottom: 8 }} type="info" showIcon title={t('submission.correcting', { n: correcting - 1 })} />}
      <List
        size="small"
        dataSource={versions}
        renderItem={(v) => (
          <List.Item
            key={v.version}
            data-testid={`submission-version-${v.version}`}
            actions={v.status === 'submitted' ? [
              <Tooltip key="pdf" title={v.pdfSha256 ? `PDF SHA-256 ${v.pdfSha256}` : t('submission.pdfPending')}>
                <Button size="small" icon={<FilePdfOutlined />} loading={downloading === v.version} onClick={() => void download(v.version)} data-testid={`submission-pdf-${v.version}`}>
                  {t('submission.downloadPdf')}
                </Button>
              </Tooltip>,
            ] : []}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{t('submission.version', { n: v.version })}</Typography.Text>
                <Tag color={COLOR[v.status]}>{t(`submission.status.${v.status}`)}</Tag>
                {v.version === current && <Tag>{t('submission.current')}</Tag>}
              </Flex>
              {v.confirmedBy && <Typography.Text type="secondary">{t('submission.confirmedBy', { name: v.confirmedBy.name, at: formatDateTime(v.confirmedAt) })}</Typography.Text>}
              {v.submittedBy && <Typography.Text type="secondary">{t('submission.submittedBy', { name: v.submittedBy.name, at: formatDateTime(v.submittedAt) })}</Typography.Text>}
              {v.sha256 && (
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} copyable={{ text: v.sha256 }}>
                  {t('submission.hash')} {v.sha256}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
