import { useRef, useState, type ReactNode } from 'react';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import { api } from '../api';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';
import { useIsMobile } from '../responsive';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

/** How the person signed, as the signing route takes it (server: platform/signatures). */
export type SignOutcome =
  | { method: 'pad'; imageAttachmentId: string; device: string }
  | { method: 'password'; password: string; device: string }
  | { method: 'proxy_pad'; imageAttachmentId: string; idLast4: string; employeeId: string; device: string };

export type SignPerson = { id: string; name: string; hint?: string };

type Props = {
  enterpriseId: string;
  title: ReactNode;
  /** Shown above the pad: what is being signed. */
  intro?: ReactNode;
  /** self: the signed-in person signs (pad, or password where allowed); other: someone without an account signs here. */
  mode: 'self' | 'other';
  allowPassword?: boolean;
  /** mode other: whom the device may sign for, and who is chosen first. */
  people?: SignPerson[];
  defaultPerson?: string;
  /** Sends the signature (the drawing is uploaded first); a refusal is shown on the dialog's fields. */
  onSign: (outcome: SignOutcome) => Promise<unknown>;
  onClose: () => void;
};

type Values = { employeeId?: string; idLast4?: string; password?: string };

/** The device a signature was made on, as the record keeps it: the browser's own description, shortened. */
function deviceName(): string {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent.slice(0, 200);
}

/**
 * The one signing dialog (issue 11): a handwritten signature on the pad, or a typed confirmation with one's password
 * where a pad does not suit; in "sign for another" mode the person (who has no account) is chosen, draws on this
 * device and types the last four characters of their ID number.
 */
export function SignDialog({ enterpriseId, title, intro, mode, allowPassword = true, people = [], defaultPerson, onSign, onClose }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const mobile = useIsMobile();
  const pad = useRef<SignaturePadHandle>(null);
  const [form] = Form.useForm<Values>();
  const [method, setMethod] = useState<'pad' | 'password'>('pad');
  const [empty, setEmpty] = useState(true);
  const [sending, setSending] = useState(false);
  const [padError, setPadError] = useState(false);
  const usePad = mode === 'other' || method === 'pad';

  const upload = async (): Promise<string> => {
    const blob = await pad.current?.toBlob();
    if (!blob) throw new Error('empty');
    const data = new FormData();
    data.append('file', new File([blob], 'signature.png', { type: 'image/png' }));
    return (await api.upload<{ id: string }>(`/enterprises/${enterpriseId}/signature-images`, data)).id;
  };

  const submit = async () => {
    const values = await form.validateFields();
    if (usePad && (pad.current?.isEmpty() ?? true)) {
      setPadError(true);
      return;
    }
    setSending(true);
    try {
      const device = deviceName();
      if (mode === 'other') {
        await onSign({ method: 'proxy_pad', imageAttachmentId: await upload(), idLast4: (values.idLast4 ?? '').trim().toUpperCase(), employeeId: values.employeeId ?? '', device });
      } else if (method === 'password') {
        await onSign({ method: 'password', password: values.password ?? '', device });
      } else {
        await onSign({ method: 'pad', imageAttachmentId: await upload(), device });
      }
    } catch (e) {
      showError(e, { form });
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={mobile ? '100%' : 560}
      style={mobile ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      destroyOnHidden
      maskClosable={false}
      data-testid="sign-dialog"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={sending} onClick={() => void submit()} data-testid="sign-submit">{t('sign.submit')}</Button>
        </Flex>
      }
    >
      {intro && <div style={{ marginBottom: 12 }}>{intro}</div>}
      <Form form={form} layout="vertical" initialValues={{ employeeId: defaultPerson ?? people[0]?.id, idLast4: '', password: '' }} requiredMark={false}>
        {mode === 'other' ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sign.other.hint')} />
            <Form.Item name="employeeId" label={t('sign.other.person')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select
                showSearch optionFilterProp="label" data-testid="sign-person"
                options={people.map((p) => ({ value: p.id, label: p.hint ? `${p.name}（${p.hint}）` : p.name }))}
              />
            </Form.Item>
          </>
        ) : allowPassword && (
          <Segmented<'pad' | 'password'>
            block style={{ marginBottom: 12 }} value={method} onChange={setMethod} data-testid="sign-method"
            options={[{ value: 'pad', label: t('sign.method.pad') }, { value: 'password', label: t('sign.method.password') }]}
          />
        )}
        {usePad ? (
          <div style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t(mode === 'other' ? 'sign.other.draw' : 'sign.draw')}</Typography.Text>
            <div style={{ marginTop: 6 }}>
              <SignaturePad ref={pad} height={mobile ? 260 : 200} onChange={(isEmpty) => { setEmpty(isEmpty); if (!isEmpty) setPadError(false); }} />
            </div>
            <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
              <Typography.Text type="danger">{padError ? t('sign.padEmpty') : ''}</Typography.Text>
              <Flex gap={8}>
                <Button size="small" icon={<UndoOutlined />} disabled={empty} onClick={() => pad.current?.undo()}>{t('sign.undo')}</Button>
                <Button size="small" icon={<ClearOutlined />} disabled={empty} onClick={() => pad.current?.clear()}>{t('sign.clear')}</Button>
              </Flex>
            </Flex>
          </div>
        ) : (
          <Form.Item name="password" label={t('sign.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="current-password" data-testid="sign-password" />
          </Form.Item>
        )}
        {mode === 'other' && (
          <Form.Item
            name="idLast4" label={t('sign.other.last4')} extra={t('sign.other.last4Hint')}
            rules={[{ required: true, message: t('validation.required') }, { pattern: /^\d{3}[\dXx]$/, message: t('sign.other.last4Format') }]}
          >
            <Input maxLength={4} inputMode="text" autoComplete="off" style={{ width: 140, letterSpacing: 4 }} data-testid="sign-last4" />
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>{t('sign.statement')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
