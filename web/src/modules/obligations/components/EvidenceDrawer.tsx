import { Alert, App, Form, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { obligationQueries, obligationsApi, type Occurrence, type OccurrenceDetail } from '../api/obligations.api';
import { EVIDENCE_MAX_FILES, EvidenceFilesField } from './EvidenceFilesField';

// `file` as the server names the field, so its refusals (type, required) land on the picker.
type Values = { file?: Blob[]; note?: string };
type Props = { occurrence: Occurrence; principal: boolean; onDone?: (d: OccurrenceDetail) => void; onClose: () => void; onConflict?: () => void };

/**
 * 上传佐证 (issue 11 §1–2): photos taken on the spot or files, and a note, in one multipart request with the version the
 * user saw. For a duty only the principal can fulfil, the drawer says that someone else's evidence waits for them.
 */
export function EvidenceDrawer({ occurrence: o, principal, onDone, onClose, onConflict }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useApiMutation(
    (v: Values) => obligationsApi.evidence(o.enterpriseId, o.id, { files: v.file ?? [], note: v.note?.trim() ?? '', version: o.version }),
    {
      invalidates: obligationQueries(o.enterpriseId),
      onSuccess: (d) => {
        void message.success(t(d.awaitingPrincipal ? 'obligation.evidenceWaiting' : 'obligation.evidenceDone'));
        onDone?.(d);
        onClose();
      },
    },
  );
  const waits = o.principalOnly && !principal;
  return (
    <FormDrawer<Values>
      title={t('obligation.evidenceTitle')}
      okText={t('obligation.submitEvidence')}
      form={form}
      initialValues={{ file: [], note: '' }}
      onSubmit={(v) => send.run(v)}
      saving={send.saving}
      onClose={onClose}
      onConflict={onConflict}
      testId="obligation-evidence"
      intro={
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{o.name}</Typography.Title>
          {o.hint && <Typography.Paragraph type="secondary">{o.hint}</Typography.Paragraph>}
          {waits && <Alert type="warning" showIcon title={t('obligation.evidenceHintPrincipal')} />}
        </div>
      }
    >
      <Form.Item
        name="file"
        label={t('obligation.filesField')}
        extra={t('obligation.evidenceHint')}
        rules={[{
          validator: (_, files?: Blob[]) => ((files?.length ?? 0) > EVIDENCE_MAX_FILES
            ? Promise.reject(new Error(t('obligation.tooManyFiles', { n: EVIDENCE_MAX_FILES })))
            : Promise.resolve()),
        }]}
      >
        <EvidenceFilesField />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('obligation.note')}
        dependencies={['file']}
        rules={[({ getFieldValue }) => ({
          validator: (_, note?: string) => ((getFieldValue('file') as Blob[] | undefined)?.length || note?.trim()
            ? Promise.resolve()
            : Promise.reject(new Error(t('obligation.evidenceRequired')))),
        })]}
      >
        <LimitedTextArea rows={4} max={2000} placeholder={t('obligation.notePlaceholder')} data-testid="obligation-evidence-note" />
      </Form.Item>
    </FormDrawer>
  );
}
