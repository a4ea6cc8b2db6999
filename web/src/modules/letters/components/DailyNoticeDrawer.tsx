import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { lettersApi, noticeQueries, SPECIAL_WORK_KINDS, type Notice, type NoticeInput } from '../api/letters.api';

type Values = Required<Omit<NoticeInput, 'principalName'>> & { principalName: string };

const EMPTY_WORK = Object.fromEntries(SPECIAL_WORK_KINDS.map((k) => [k, 0])) as Values['specialWork'];

/**
 * 填写今日公告 (R-COM-1, issue 11 §6): the day's figures — installations running, stopped and under maintenance, the
 * major hazard sources and whether they are safe, the special operations by kind, trial production, start-stop,
 * maintenance — by the principal or a safety manager. The commitment sentence is the district's; the principal signs it.
 */
export function DailyNoticeDrawer({ enterpriseId, notice, principalName, onSaved, onClose }: {
  enterpriseId: string; notice?: Notice; principalName: string; onSaved: (n: Notice) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => (notice
    ? lettersApi.updateNotice(enterpriseId, notice.id, { ...v, version: notice.version })
    : lettersApi.draftNotice(enterpriseId, v)), { invalidates: noticeQueries(enterpriseId), onSuccess: onSaved });
  const initial: Values = notice
    ? {
      units: notice.units, majorHazards: notice.majorHazards, specialWork: notice.specialWork, trialProduction: notice.trialProduction,
      startStop: notice.startStop, maintenanceWork: notice.maintenanceWork, note: notice.note, principalName: notice.principalName,
    }
    : {
      units: { running: 0, stopped: 0, maintenance: 0 }, majorHazards: { total: 0, safe: true }, specialWork: EMPTY_WORK,
      trialProduction: false, startStop: false, maintenanceWork: false, note: '', principalName,
    };
  const count = (name: (string | number)[], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 12 }}>
      <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
    </Form.Item>
  );
  const yesNo = (name: string, label: string) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 12 }}>
      <Radio.Group optionType="button" options={[{ value: false, label: t('dailyNotice.no') }, { value: true, label: t('dailyNotice.yes') }]} />
    </Form.Item>
  );
  return (
    <FormDrawer<Values>
      title={t(notice ? 'dailyNotice.editTitle' : 'dailyNotice.fillTitle')} form={form} initialValues={initial}
      onSubmit={save.run} saving={save.saving} onClose={onClose} testId="daily-notice-form"
      intro={<Typography.Paragraph type="secondary">{t('dailyNotice.formHint')}</Typography.Paragraph>}
    >
      <Typography.Title level={5}>{t('dailyNotice.units')}</Typography.Title>
      <Row gutter={8}>
        <Col span={8}>{count(['units', 'running'], t('dailyNotice.field.running'))}</Col>
        <Col span={8}>{count(['units', 'stopped'], t('dailyNotice.field.stopped'))}</Col>
        <Col span={8}>{count(['units', 'maintenance'], t('dailyNotice.field.maintenance'))}</Col>
      </Row>
      <Typography.Title level={5}>{t('dailyNotice.majorHazards')}</Typography.Title>
      <Row gutter={8}>
        <Col span={10}>{count(['majorHazards', 'total'], t('dailyNotice.field.majorTotal'))}</Col>
        <Col span={14}>
          <Form.Item name={['majorHazards', 'safe']} valuePropName="checked" label={t('dailyNotice.field.majorSafe')} style={{ marginBottom: 12 }}>
            <Checkbox>{t('dailyNotice.field.majorSafeYes')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('dailyNotice.specialWork')}</Typography.Title>
      <Row gutter={8}>
        {SPECIAL_WORK_KINDS.map((k) => <Col key={k} xs={12} sm={6}>{count(['specialWork', k], t(`dailyNotice.work.${k}`))}</Col>)}
      </Row>
      {yesNo('trialProduction', t('dailyNotice.trialProduction'))}
      {yesNo('startStop', t('dailyNotice.startStop'))}
      {yesNo('maintenanceWork', t('dailyNotice.maintenanceWork'))}
      <Form.Item name="note" label={t('dailyNotice.note')}>
        <LimitedTextArea max={1000} rows={2} />
      </Form.Item>
      <Form.Item name="principalName" label={t('dailyNotice.field.principal')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={50} />
      </Form.Item>
    </FormDrawer>
  );
}
