import { useState } from 'react';
import { Button, Drawer, Flex, Form, Radio } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useDrawerSize } from '../../../app/responsive';
import { useApi } from '../../../app/useApi';
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
  const showError = useShowError();
  const size = useDrawerSize(480);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const level = Form.useWatch('level', form) ?? 'workshop';
  const units = useApi((signal) => orgApi.units(enterpriseId, signal), [enterpriseId]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onCreated(await checksApi.createChecklist(enterpriseId, { level: v.level, name: v.name.trim(), orgUnitId: v.orgUnitId, postId: v.postId, items: [] }));
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={size}
      title={t('checklist.create')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.create')}</Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ level: 'workshop', name: '' }} onFinish={(v) => void submit(v)}>
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
      </Form>
    </Drawer>
  );
}
