import { Alert, App, Form, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries } from '../api/duties.api';

type Values = { year: number; name?: string };

/** 发起年度考核: every person employed now gets a row, with the leader above them as assessor. */
export function CampaignCreateDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation((v: Values) => dutiesApi.createCampaign(enterpriseId, { year: v.year, ...(v.name ? { name: v.name } : {}) }), {
    invalidates: [dutyQueries(enterpriseId).campaigns],
    onSuccess: (c) => { void message.success(t('dutyAssess.created')); onClose(); void navigate(`/duty-assessments/${c.id}`); },
  });
  const year = dayjs().year();
  return (
    <FormDrawer<Values>
      title={t('dutyAssess.create')}
      form={form}
      initialValues={{ year }}
      onSubmit={create.run}
      saving={create.saving}
      onClose={onClose}
      testId="duty-campaign-create"
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('dutyAssess.createHint')} />}
    >
      <Form.Item name="year" label={t('dutyAssess.year')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={2000} max={year} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="name" label={t('dutyAssess.name')} extra={t('dutyAssess.nameHint')}>
        <LimitedInput max={100} />
      </Form.Item>
    </FormDrawer>
  );
}
