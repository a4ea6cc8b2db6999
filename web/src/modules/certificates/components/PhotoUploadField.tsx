import { App, Button, Space, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { hazardsApi } from '../../hazards/api/hazards.api';

/**
 * A form field holding one uploaded photo's attachment id (a certificate's scan, a training evidence): taken with the
 * phone's camera or chosen from files, stored unlinked until the record it belongs to is saved.
 */
export function PhotoUploadField({ enterpriseId, value, onChange, testId }: { enterpriseId: string; value?: string | null; onChange?: (id: string | null) => void; testId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <Upload
        accept="image/*" capture="environment" showUploadList={false} data-testid={testId}
        customRequest={({ file }) => {
          setBusy(true);
          hazardsApi.uploadPhotos(enterpriseId, [file as Blob])
            .then((r) => onChange?.(r.ids[0] ?? null))
            .catch((e: unknown) => { void message.error(e instanceof Error ? e.message : String(e)); })
            .finally(() => setBusy(false));
        }}
      >
        <Button icon={<CameraOutlined />} loading={busy}>{t('employee.uploadPhoto')}</Button>
      </Upload>
      {value && (
        <Space>
          <img src={hazardsApi.photoUrl(enterpriseId, value)} alt="" style={{ height: 48, borderRadius: 4 }} />
          <Typography.Link onClick={() => onChange?.(null)}>×</Typography.Link>
        </Space>
      )}
    </Space>
  );
}
