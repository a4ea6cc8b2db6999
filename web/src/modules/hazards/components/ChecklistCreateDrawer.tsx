import { Form, Radio } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { CHECKLIST_LEVELS, checksApi, type ChecklistDetail, type ChecklistLevel } from '../api/checks.api';
import { PostSelect } from './PostSelect';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props = { enterpriseId: string; onClose: () => void; onCreated: (c: ChecklistDetail) => void };
type Values = { level: ChecklistLevel; name: string; orgUnitId?: string; postId?: string };

/** A new, empty checklist at one of the three levels; its items are picked on its page. */
export function ChecklistCreateDrawer({ enterpriseId, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form) ?? 'workshop';
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal));
  const create = useApiMutation(
    (v: Values) => checksApi.createChecklist(enterpriseId, { level: v.level, name: v.name.trim(), orgUnitId: v.orgUnitId, postId: v.postId, items: [] }),
    { invalidates: [['checklists', enterpriseId]], onSuccess: onCreated },
  );

  return (
    <FormDrawer<Values>
      title={t('checklist.create')}
      form={form}
      initialValues={{ level: 'workshop', name: '' }}
      onSubmit={create.run}
      saving={create.saving}
      onClose={onClose}
      okText={t('common.create')}
    >
      <Form.Item name="level" label={t('checklist.level')}>
        <Radio.Group options={CHECKLIST_LEVELS.map((l) => ({ value: l, label: t(`checklistLevel.${l}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('checklist.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={200} />
      </Form.Item>
      {level === 'workshop' && (
        <Form.Item name="orgUnitId" label={t('hazard.orgUnit')} rules={[{ required: true, message: t('validation.required') }]}>
          <OrgUnitSelect units={units.data} />
        </Form.Item>
      )}
      {level === 'post' && (
        <Form.Item name="postId" label={t('checklist.post')} rules={[{ required: true, message: t('validation.required') }]} extra={t('checklist.onePostOneCard')}>
          <PostSelect enterpriseId={enterpriseId} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
