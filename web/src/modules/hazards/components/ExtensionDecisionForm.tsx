import { Descriptions, Form, Radio } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail, type HazardExtension } from '../api/hazards.api';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; extension: HazardExtension; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { approve: boolean; note: string };

/** decideExtension: approve or refuse a pending request; never by the rectifier who asked. */
export function ExtensionDecisionForm({ hazard, extension, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  return (
    <FormDrawer<Values>
      title={t('hazardOp.decideExtension')}
      okText={t('common.ok')}
      form={form}
      initialValues={{ approve: true, note: '' }}
      onSubmit={(v) => run(() => hazardsApi.decideExtension(hazard.enterpriseId, hazard.id, extension.id, { approve: v.approve, note: v.note?.trim() ?? '' }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-extension-decision-form"
      intro={(
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
          { key: 'd', label: t('hazard.deadline'), children: `${formatDate(extension.oldDeadline)} → ${formatDate(extension.newDeadline)}` },
          { key: 'r', label: t('hazard.extensionReason'), children: extension.reason },
          { key: 'a', label: t('hazard.requestedAt'), children: formatDateTime(extension.requestedAt) },
        ]} />
      )}
    >
      <Form.Item name="approve" label={t('hazard.decision')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: t('hazard.approve') }, { value: false, label: t('hazard.refuse') }]} />
      </Form.Item>
      <Form.Item name="note" label={t('hazard.note')}>
        <LimitedTextArea rows={2} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
