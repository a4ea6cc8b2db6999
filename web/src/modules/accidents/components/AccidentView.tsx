import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Table, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useShowError } from '../../../app/errors';
import { useApiMutation } from '../../../app/useApi';
import { accidentsApi, FORWARD_LEVELS, type AccidentDetail, type Figures, type ForwardLevel } from '../api/accidents.api';
import { AccidentPhotos } from './AccidentPhotos';
import { AccidentTags } from './AccidentTags';

type Dialog = null | 'supplement' | 'unitHead' | 'forward';

/** An accident report as both sides read it: figures, times and flags, recipients, the history, and the caller's actions. */
export function AccidentView({ a, inbox }: { a: AccidentDetail; inbox?: boolean }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const done = () => { setDialog(null); form.resetFields(); };
  const reportUp = useApiMutation(() => accidentsApi.reportUp(a.enterpriseId, a.id, { version: a.version }), { invalidates: [['accidents']] });
  const supplement = useApiMutation((v: Figures & { note?: string }) => accidentsApi.supplement(a.enterpriseId, a.id, v), { invalidates: [['accidents']], onSuccess: done });
  const unitHead = useApiMutation((v: { at: string; reason: string }) => accidentsApi.unitHeadTime(a.enterpriseId, a.id, v), { invalidates: [['accidents']], onSuccess: done });
  const forward = useApiMutation((v: { level?: ForwardLevel; at?: string; note?: string }) => accidentsApi.forward(a.id, v), { invalidates: [['accidents']], onSuccess: done });

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'supplement') {
        await supplement.run({ deaths: v.deaths ?? 0, missing: v.missing ?? 0, seriousInjuries: v.seriousInjuries ?? 0, minorInjuries: v.minorInjuries ?? 0, directLoss: String(v.directLoss ?? '0'), note: v.note ?? '' });
      } else if (dialog === 'unitHead') {
        await unitHead.run({ at: (v.at as Dayjs).toISOString(), reason: v.reason ?? '' });
      } else if (dialog === 'forward') {
        await forward.run({ level: v.level, note: v.note ?? '', ...(v.at ? { at: (v.at as Dayjs).toISOString() } : {}) });
      }
      message.success(t('common.save'));
    } catch (e) { showError(e, { form }); }
  };

  const openSupplement = () => {
    form.setFieldsValue({ deaths: a.deaths, missing: a.missing, seriousInjuries: a.seriousInjuries, minorInjuries: a.minorInjuries, directLoss: a.directLoss, note: '' });
    setDialog('supplement');
  };
  const confirmReportUp = () => modal.confirm({
    title: t('accidents.action.reportUp'), content: t('accidents.action.reportUpConfirm'), okButtonProps: { danger: true },
    onOk: async () => { try { await reportUp.run(undefined); } catch (e) { showError(e); } },
  });
  const count = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
  );

  return (
    <div data-testid="accident-view">
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" wrap gap={8}>
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>{a.summary}</Typography.Title>
            <AccidentTags a={a} />
          </div>
          <Flex gap={8} wrap>
            {a.abilities.reportUp && <Button type="primary" danger onClick={confirmReportUp} loading={reportUp.saving} data-testid="report-up">{t('accidents.action.reportUp')}</Button>}
            {a.abilities.supplement && <Button onClick={openSupplement} data-testid="open-supplement">{t('accidents.action.supplement')}</Button>}
            {a.abilities.editUnitHeadTime && <Button onClick={() => setDialog('unitHead')}>{t('accidents.action.unitHeadTime')}</Button>}
            {a.abilities.forward && <Button type="primary" onClick={() => { form.setFieldsValue({ level: a.requiredForwardLevel ?? 'city' }); setDialog('forward'); }} data-testid="open-forward">{t('accidents.action.forward')}</Button>}
            {a.kind === 'accident' && !inbox && <Link to={a.followupLink}><Button>{t('accidents.detail.followup')}</Button></Link>}
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('accidents.col.enterprise')}>{a.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.quick.place')}>{a.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.quick.type')}>{a.accidentType ? t(`accidents.type.${a.accidentType}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.col.occurredAt')}>{formatDateTime(a.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.unitHeadInformedAt')}>{formatDateTime(a.unitHeadInformedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.regulatorsReceivedAt')}>{a.regulatorsReceivedAt ? formatDateTime(a.regulatorsReceivedAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.deaths')}>{a.deaths}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.missing')}>{a.missing}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.serious')}>{a.seriousInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.minor')}>{a.minorInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.loss')}>{a.directLoss}</Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.reporter')}>
            {a.reportedByName ?? a.reporterName ?? '—'}{a.source === 'qr' ? `（${t('accidents.detail.viaQr')}${a.postName ? `：${a.postName}` : ''}）` : ''}
          </Descriptions.Item>
          {a.requiredForwardLevel && <Descriptions.Item label={t('accidents.detail.requiredLevel')}>{t(`accidents.level.${a.requiredForwardLevel}`)}</Descriptions.Item>}
          <Descriptions.Item label={t('accidents.detail.forward')}>
            {a.forwardLevel ? `${t(`accidents.level.${a.forwardLevel}`)} ${a.forwardedAt ? formatDateTime(a.forwardedAt) : ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('accidents.detail.window')}>
            {a.supplementOpen ? formatDateTime(a.supplementWindowEnd) : t('accidents.detail.windowClosed')}
          </Descriptions.Item>
        </Descriptions>
        <AccidentPhotos photos={a.photos} />
      </Card>
      {a.recipients.length > 0 && (
        <Card title={t('accidents.detail.recipients')} size="small" style={{ marginBottom: 16 }}>
          <Table size="small" rowKey="officeName" pagination={false} dataSource={a.recipients} scroll={{ x: true }} columns={[
            { title: t('accidents.phones.office'), dataIndex: 'officeName' },
            { title: t('accidents.col.received'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
            { title: t('accidents.detail.read'), dataIndex: 'readAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          ]} />
        </Card>
      )}
      {a.supplements.length > 0 && (
        <Card title={t('accidents.detail.supplements')} size="small" style={{ marginBottom: 16 }}>
          <Table size="small" rowKey="id" pagination={false} dataSource={a.supplements} scroll={{ x: true }} columns={[
            { title: t('accidents.action.at'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
            { title: t('accidents.col.casualties'), key: 'c', render: (_: unknown, s) => `${s.deaths} / ${s.seriousInjuries} / ${s.missing}` },
            { title: t('accidents.col.loss'), dataIndex: 'directLoss' },
            { title: t('accidents.col.grade'), key: 'g', render: (_: unknown, s) => (s.gradeAfter ? t(`accidents.grade.${s.gradeAfter}`) : '—') },
            { title: t('accidents.action.note'), dataIndex: 'note' },
          ]} />
        </Card>
      )}
      <Card title={t('accidents.detail.timeline')} size="small">
        <Timeline items={a.events.map((e) => ({
          children: <span>{formatDateTime(e.at)} · {t(`accidents.op.${e.op as 'quick_report'}`)}{e.actorName ? ` · ${e.actorName}` : ''}{e.note ? `：${e.note}` : ''}</span>,
        }))} />
      </Card>
      <Modal open={dialog !== null} onCancel={done} onOk={() => void submit()} confirmLoading={supplement.saving || unitHead.saving || forward.saving} destroyOnHidden
        title={dialog === 'supplement' ? t('accidents.action.supplement') : dialog === 'unitHead' ? t('accidents.action.unitHeadTime') : t('accidents.action.forward')}>
        <Form form={form} layout="vertical">
          {dialog === 'supplement' && (
            <>
              {count('deaths', t('accidents.detail.deaths'))}
              {count('missing', t('accidents.detail.missing'))}
              {count('seriousInjuries', t('accidents.detail.serious'))}
              {count('minorInjuries', t('accidents.detail.minor'))}
              <Form.Item name="directLoss" label={t('accidents.detail.loss')} rules={[{ required: true, pattern: /^\d{1,14}(\.\d{1,2})?$/, message: t('accidents.detail.loss') }]}>
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item name="note" label={t('accidents.action.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </>
          )}
          {dialog === 'unitHead' && (
            <>
              <Form.Item name="at" label={t('accidents.detail.unitHeadInformedAt')} rules={[{ required: true }]}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="reason" label={t('accidents.action.reason')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            </>
          )}
          {dialog === 'forward' && (
            <>
              <Form.Item name="level" label={t('accidents.action.level')} rules={[{ required: true }]}>
                <Select options={FORWARD_LEVELS.map((l) => ({ value: l, label: t(`accidents.level.${l}`) }))} />
              </Form.Item>
              <Form.Item name="at" label={t('accidents.action.at')}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="note" label={t('accidents.action.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
