import { App, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { trainingApi, trainingQueries, type Retraining } from '../api/training.api';
import { ArchiveSheet } from '../components/ArchiveSheet';
import { useI18n } from '../../../app/i18n';

/** 一人一档 of a person of the enterprise (managers, his unit leader), printable; managers record a re-training due. */
export function PersonArchivePage() {
  const { employeeId = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const q = useApiQuery(['training', enterpriseId, 'archive', employeeId], (signal) => trainingApi.archive(enterpriseId, employeeId, signal));
  const [adding, setAdding] = useState(false);
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PageLoading />;
  const canManage = me.permissions.includes('training.manage');
  return (
    <div data-testid="training-archive-page">
      <Flex justify="flex-end" gap={8} className="no-print" style={{ marginBottom: 12 }}>
        {canManage && <Button onClick={() => setAdding(true)}>{t('training.retraining.add')}</Button>}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('training.archive.print')}</Button>
      </Flex>
      <ArchiveSheet a={q.data} />
      {adding && <RetrainingModal enterpriseId={enterpriseId} employeeId={employeeId} onClose={() => setAdding(false)} />}
    </div>
  );
}

type Values = { reason: Retraining['reason']; occurredOn: Dayjs; awaySince?: Dayjs; note?: string };

function RetrainingModal({ enterpriseId, employeeId, onClose }: { enterpriseId: string; employeeId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reason = Form.useWatch('reason', form);
  const save = useApiMutation((v: Values) => trainingApi.addRetraining(enterpriseId, {
    employeeId, reason: v.reason, occurredOn: v.occurredOn.format('YYYY-MM-DD'), awaySince: v.awaySince ? v.awaySince.format('YYYY-MM-DD') : null, note: v.note ?? '',
  }), { invalidates: [...trainingQueries(enterpriseId), ['training', enterpriseId, 'archive', employeeId]], onSuccess: () => { void message.success(t('common.save')); onClose(); } });
  return (
    <Modal open title={t('training.retraining.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.saving}>
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }} onFinish={(v) => save.run(v).catch(() => undefined)}>
        <Form.Item name="reason" label={t('training.retraining.reason')} rules={[{ required: true }]}>
          <Select options={(['post_change', 'return', 'new_process', 'new_equipment'] as const).map((r) => ({ value: r, label: t(`training.retraining.${r}`) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('training.retraining.occurredOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        {reason === 'return' && <Form.Item name="awaySince" label={t('training.retraining.awaySince')} rules={[{ required: true }]}><DatePicker /></Form.Item>}
        <Form.Item name="note" label={t('training.field.note')}><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
