import { DeleteOutlined, LockOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Popconfirm, Upload } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { MEETING_FILE_ROLES, meetingQueries, meetingsApi, type MeetingDetail, type MeetingFileRole } from '../api/meetings.api';

/**
 * A meeting's files: the minutes PDF, the safety work report (a 职代会's) and photos, opened in a new tab. While the
 * meeting is a draft its recorder adds and removes them; confirming locks them.
 */
export function MeetingFiles({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const eid = meeting.enterpriseId;
  const upload = useApiMutation(({ role, file }: { role: MeetingFileRole; file: File }) => meetingsApi.upload(eid, meeting.id, role, [file]), {
    invalidates: meetingQueries(eid),
    onSuccess: () => void message.success(t('meeting.files.uploaded')),
  });
  const remove = useApiMutation((fileId: string) => meetingsApi.removeFile(eid, fileId), { invalidates: meetingQueries(eid) });
  const send = async (role: MeetingFileRole, file: File) => {
    try {
      await upload.run({ role, file });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Flex vertical gap={12} data-testid="meeting-files">
      {meeting.files.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.files.none')} /> : (
        <List
          size="small"
          dataSource={meeting.files}
          renderItem={(f) => (
            <List.Item
              actions={[
                f.locked ? <LockOutlined key="l" title={t('meeting.files.locked')} /> : meeting.abilities.upload && (
                  <Popconfirm key="d" title={t('common.delete')} onConfirm={() => remove.run(f.id).catch(showError)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                ),
              ]}
            >
              <a href={f.url} target="_blank" rel="noreferrer"><PaperClipOutlined /> {t(`meeting.fileRole.${f.role}`)} · {f.name || f.id.slice(0, 8)}</a>
            </List.Item>
          )}
        />
      )}
      {meeting.abilities.upload && (
        <Flex gap={8} wrap>
          {MEETING_FILE_ROLES.map((role) => (
            <Upload key={role} accept={role === 'photo' ? 'image/png,image/jpeg,image/webp' : 'application/pdf,.pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document'} showUploadList={false}
              beforeUpload={(file) => { void send(role, file); return false; }}>
              <Button size="small" icon={<UploadOutlined />} loading={upload.saving && upload.input?.role === role} data-testid={`meeting-upload-${role}`}>
                {t(`meeting.fileRole.${role}`)}
              </Button>
            </Upload>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
