import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Upload } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { staffingApi, staffingQueries, type FileOwner, type StaffingFile } from '../api/staffing.api';

/**
 * The documents of one record of the organisation (set-up document, appointment document, service contract): opened in
 * a new tab; a manager uploads a PDF or a photo of the paper and removes one.
 */
export function StaffingFiles({ enterpriseId, owner, ownerId, files, canManage }: {
  enterpriseId: string; owner: FileOwner; ownerId: string | null; files: StaffingFile[]; canManage: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useApiMutation((file: File) => staffingApi.upload(enterpriseId, owner, ownerId, file), {
    invalidates: staffingQueries(enterpriseId), onSuccess: () => void message.success(t('staffing.files.uploaded')),
  });
  const remove = useApiMutation((fileId: string) => staffingApi.removeFile(enterpriseId, fileId), { invalidates: staffingQueries(enterpriseId) });
  if (!files.length && !canManage) return null;
  return (
    <Flex gap={8} wrap align="center" data-testid={`staffing-files-${owner}`}>
      {files.map((f) => (
        <Flex key={f.id} gap={2} align="center">
          <a href={staffingApi.fileUrl(enterpriseId, f.id)} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.name || t('staffing.files.document')}</a>
          {canManage && (
            <Popconfirm title={t('common.delete')} onConfirm={() => remove.run(f.id).catch(showError)}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Flex>
      ))}
      {canManage && (
        <Upload accept="application/pdf,.pdf,image/png,image/jpeg,image/webp" showUploadList={false}
          beforeUpload={(file) => { void upload.run(file).catch(showError); return false; }}>
          <Button size="small" type="link" icon={<UploadOutlined />} loading={upload.saving}>{t('staffing.files.upload')}</Button>
        </Upload>
      )}
    </Flex>
  );
}
