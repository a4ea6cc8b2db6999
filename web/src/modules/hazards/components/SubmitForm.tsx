import { useState } from 'react';
import { Form, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { PhotoUploadField } from './PhotoUploadField';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onSpot: boolean; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { note: string; photoIds: string[] };

/**
 * submit (the rectifier) or fixOnSpot (the finder of a general hazard): both need an after-photo, and a second
 * person accepts afterwards (R-HAZ-3).
 */
export function SubmitForm({ hazard, onSpot, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  const [uploading, setUploading] = useState(false);
  const op = onSpot ? 'fixOnSpot' : 'submit';
  return (
    <FormDrawer<Values>
      title={t(`hazardOp.${op}`)}
      okText={t(`hazardOp.${op}`)}
      okDisabled={uploading}
      form={form}
      initialValues={{ note: '', photoIds: [] }}
      onSubmit={(v) => run(() => (onSpot ? hazardsApi.fixOnSpot : hazardsApi.submit)(hazard.enterpriseId, hazard.id, { note: v.note?.trim() ?? '', photoIds: v.photoIds }))}
      saving={saving}
      onClose={onClose}
      testId={`hazard-${op}-form`}
      intro={<Typography.Paragraph type="secondary">{t(onSpot ? 'hazard.fixOnSpotHint' : 'hazard.submitHint')}</Typography.Paragraph>}
    >
      <Form.Item
        name="photoIds"
        label={t('hazard.afterPhotos')}
        rules={[{ validator: (_, v: string[] | undefined) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('hazard.afterPhotoRequired')))) }]}
      >
        <PhotoUploadField enterpriseId={hazard.enterpriseId} label={t('hazardPhoto.takeAfter')} testId="hazard-after-photo" onUploading={setUploading} />
      </Form.Item>
      <Form.Item name="note" label={t('hazard.rectificationNote')}>
        <LimitedTextArea rows={3} max={1000} data-testid="hazard-submit-note" />
      </Form.Item>
    </FormDrawer>
  );
}
