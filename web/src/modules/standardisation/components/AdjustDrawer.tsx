import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, List, Upload } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useShowError } from '../../../app/errors';
import { useApiMutation } from '../../../app/useApi';
import { standardisationApi, standardisationQueries, type Assessment, type Element } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';

type Values = { score: number; reason: string };

/** R-STD-1: an element's score set by the enterprise, with a reason and the evidence uploaded for it. */
export function AdjustDrawer({ data, element, onClose }: { data: Assessment; element: Element; onClose: () => void }) {
  const { t: s } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [evidence, setEvidence] = useState<{ id: string; name: string }[]>(
    (element.adjusted?.evidenceIds ?? []).map((id) => ({ id, name: data.files.find((f) => f.id === id)?.name ?? id })),
  );
  const [uploading, setUploading] = useState(false);
  const save = useApiMutation(
    (v: Values) => standardisationApi.adjust(data.enterpriseId, data.year, element.code, { score: v.score, reason: v.reason, evidenceIds: evidence.map((e) => e.id), version: data.revision }),
    { invalidates: standardisationQueries(data.enterpriseId), onSuccess: onClose },
  );
  const upload = async (file: File) => {
    setUploading(true);
    try {
      const { ids } = await standardisationApi.uploadEvidence(data.enterpriseId, data.year, [file]);
      setEvidence((e) => [...e, ...ids.map((id) => ({ id, name: file.name }))]);
    } catch (e) {
      showError(e);
    } finally {
      setUploading(false);
    }
  };
  return (
    <FormDrawer<Values>
      title={s('std.adjust.title', { code: element.code, name: element.name })} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      testId="std-adjust-drawer" initialValues={{ score: element.score ?? element.prefilledScore ?? 0, reason: element.adjusted?.reason ?? '' }}
      intro={s('std.adjust.hint')}
    >
      <Form.Item name="score" label={s('std.adjust.score', { max: element.maxPoints })} rules={[{ required: true }]}>
        <InputNumber min={0} max={element.maxPoints} step={0.5} precision={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={s('std.adjust.reason')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item label={s('std.adjust.evidence')} required>
        <Upload showUploadList={false} multiple beforeUpload={(f) => { void upload(f); return false; }} accept="image/png,image/jpeg,application/pdf,.docx">
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="std-evidence-upload">{s('std.adjust.upload')}</Button>
        </Upload>
        <List size="small" dataSource={evidence} renderItem={(e) => (
          <List.Item actions={[<Button key="x" type="link" size="small" onClick={() => setEvidence((l) => l.filter((x) => x.id !== e.id))}>×</Button>]}>{e.name}</List.Item>
        )} />
      </Form.Item>
    </FormDrawer>
  );
}
