import { Form, Modal, Select, type ButtonProps } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { CHILD_KINDS, orgApi, orgQueries, type OrgUnit, type OrgUnitKind } from '../api/org.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props =
  | { mode: 'create'; enterpriseId: string; parent: OrgUnit; unit?: undefined; onClose: () => void; onSaved: (u: OrgUnit) => void }
  | { mode: 'rename'; enterpriseId: string; unit: OrgUnit; parent?: undefined; onClose: () => void; onSaved: (u: OrgUnit) => void };

type Values = { name: string; kind: Exclude<OrgUnitKind, 'company'> };

/** Adds a unit under the selected one, or renames the selected one. */
export function OrgUnitFormModal({ mode, enterpriseId, parent, unit, onClose, onSaved }: Props) {
  const { t, tx } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const defaultKind: OrgUnitKind = parent?.kind === 'department' || parent?.kind === 'workshop' ? 'team' : 'department';
  const save = useApiMutation(
    (values: Values) => (mode === 'create'
      ? orgApi.createUnit(enterpriseId, { parentId: parent.id, kind: values.kind, name: values.name.trim() })
      : orgApi.updateUnit(enterpriseId, unit.id, { name: values.name.trim() })),
    { invalidates: orgQueries(enterpriseId), onSuccess: onSaved },
  );

  const submit = async (values: Values) => {
    try {
      await save.run(values);
    } catch (e) {
      showError(e, { form });
    }
  };

  return (
    <Modal
      open
      title={mode === 'create' ? t('org.addChildTo', { name: parent.name }) : t('org.rename')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'org-unit-save' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ name: unit?.name ?? '', kind: defaultKind }} onFinish={(v) => void submit(v)}>
        {mode === 'create' && (
          <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={CHILD_KINDS.map((k) => ({ value: k, label: tx(`orgKind.${k}`, k) }))} data-testid="org-unit-kind" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.unitName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.maxLength', { n: 100 }) }]}>
          <LimitedInput autoFocus max={100} data-testid="org-unit-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
