import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Select, Typography, Upload } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { letterQueries, lettersApi } from '../api/letters.api';

type Values = { employeeIds: string[] };

/**
 * 登记纸质签名名单: the people of the campaign who signed a paper list, and its scan. It counts once a safety manager has
 * checked the scan and confirmed it.
 */
export function PaperListDrawer({ enterpriseId, campaignId, onClose }: { enterpriseId: string; campaignId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const pending = useApiQuery(['letters', enterpriseId, campaignId, 'pending-all'],
    (signal) => lettersApi.letters(enterpriseId, campaignId, { status: 'pending', pageSize: 200, sort: 'unit' }, signal));
  const record = useApiMutation((v: Values) => lettersApi.recordPaper(enterpriseId, campaignId, v.employeeIds, file!), {
    invalidates: letterQueries(enterpriseId),
    onSuccess: (r) => { void message.success(t('letters.paper.recorded', { n: r.recorded })); onClose(); },
  });
  const submit = async (v: Values) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    await record.run(v);
  };
  return (
    <FormDrawer<Values>
      title={t('letters.paper.title')} form={form} onSubmit={submit} saving={record.saving} onClose={onClose} width={560} testId="paper-drawer"
      initialValues={{ employeeIds: [] }} intro={<Typography.Paragraph type="secondary">{t('letters.paper.hint')}</Typography.Paragraph>}
    >
      <Form.Item name="employeeIds" label={t('letters.paper.people')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}>
        <Select
          mode="multiple" showSearch optionFilterProp="label" loading={pending.loading}
          options={(pending.data?.items ?? []).map((l) => ({ value: l.employeeId, label: `${l.employeeName}（${l.orgUnitName}）` }))}
        />
      </Form.Item>
      <Form.Item label={t('letters.paper.file')} required validateStatus={fileMissing ? 'error' : undefined} help={fileMissing ? t('validation.required') : file?.name}>
        <Upload accept="application/pdf,image/png,image/jpeg,image/webp" maxCount={1} showUploadList={false}
          beforeUpload={(f) => { setFile(f); setFileMissing(false); return false; }}>
          <Button icon={<UploadOutlined />}>{t('letters.paper.choose')}</Button>
        </Upload>
      </Form.Item>
    </FormDrawer>
  );
}
