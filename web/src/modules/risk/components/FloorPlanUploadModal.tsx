import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Form, Modal, Upload, type UploadFile } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { PLAN_MAX_MB, PLAN_TYPES, riskMapApi, riskMapQueries, type FloorPlan } from '../api/risk-map.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props = { enterpriseId: string; onClose: () => void; onUploaded: (plan: FloorPlan) => void };
type Values = { name: string };

/** A site or area plan (PNG, JPEG, SVG; ≤ 5 MB, checked here and again by the server). */
export function FloorPlanUploadModal({ enterpriseId, onClose, onUploaded }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useApiMutation((i: { file: File; name: string }) => riskMapApi.upload(enterpriseId, i.file, i.name), {
    invalidates: riskMapQueries(enterpriseId),
    onSuccess: (plan) => onUploaded(plan),
  });

  const pick = (f: File) => {
    if (!PLAN_TYPES.includes(f.type)) setFileError(t('risk.map.badType'));
    else if (f.size > PLAN_MAX_MB * 1024 * 1024) setFileError(t('risk.map.tooLarge', { max: PLAN_MAX_MB }));
    else setFileError(null);
    setFile(f);
    if (!form.getFieldValue('name')) form.setFieldValue('name', f.name.replace(/\.[^.]+$/, ''));
  };

  const submit = async (v: Values) => {
    if (!file || fileError) {
      setFileError(fileError ?? t('validation.required'));
      return;
    }
    try {
      await upload.run({ file, name: v.name.trim() });
    } catch (e) {
      showError(e, { form });
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: '1', name: file.name, status: fileError ? 'error' : 'done', size: file.size }] : [];
  return (
    <Modal open title={t('risk.map.upload')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={upload.saving} okText={t('common.save')} cancelText={t('common.cancel')} data-testid="plan-upload" okButtonProps={{ 'data-testid': 'plan-upload-save' } as Record<`data-${string}`, string>}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ name: '' }}>
        <Form.Item label={t('risk.map.planFile')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? t('risk.map.planHint', { max: PLAN_MAX_MB })}>
          <Upload.Dragger
            accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
            multiple={false}
            maxCount={1}
            fileList={fileList}
            beforeUpload={(f) => {
              pick(f);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            data-testid="plan-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('import.dropHere')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="name" label={t('risk.map.planName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <LimitedInput max={100} placeholder={t('risk.map.planNamePlaceholder')} data-testid="plan-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
