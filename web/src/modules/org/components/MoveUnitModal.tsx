import { useMemo, useState } from 'react';
import { Form, Modal, TreeSelect } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { buildOrgTree, subtreeIds, type OrgNode } from '../api/org-tree';
import { orgApi, orgQueries, type OrgUnit } from '../api/org.api';

type Props = { enterpriseId: string; unit: OrgUnit; units: OrgUnit[]; onClose: () => void; onSaved: () => void };

type TreeOption = { value: string; title: string; disabled: boolean; children: TreeOption[] };

/** Moves a unit (with everything under it) below another unit; its own subtree is not a valid target. */
export function MoveUnitModal({ enterpriseId, unit, units, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [parentId, setParentId] = useState<string | undefined>(unit.parentId ?? undefined);
  const move = useApiMutation((to: string) => orgApi.updateUnit(enterpriseId, unit.id, { parentId: to }), {
    invalidates: orgQueries(enterpriseId),
    onSuccess: () => onSaved(),
  });

  const options = useMemo(() => {
    const blocked = subtreeIds(units, unit.id);
    const toOption = (n: OrgNode): TreeOption => ({
      value: n.id, title: n.name, disabled: blocked.has(n.id) || !n.canManage, children: n.children.map(toOption),
    });
    return buildOrgTree(units).map(toOption);
  }, [units, unit.id]);

  const submit = async () => {
    if (!parentId || parentId === unit.parentId) {
      onClose();
      return;
    }
    try {
      await move.run(parentId);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: unit.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('org.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.saving}
    >
      <Form layout="vertical">
        <Form.Item label={t('org.newParent')} required>
          <TreeSelect
            value={parentId}
            onChange={(v: string) => setParentId(v)}
            treeData={options}
            treeDefaultExpandAll
            style={{ width: '100%' }}
            data-testid="org-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
