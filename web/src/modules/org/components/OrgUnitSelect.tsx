import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useI18n } from '../../../app/i18n';
import { buildOrgTree, type OrgNode } from '../api/org-tree';
import type { OrgUnit } from '../api/org.api';

type Props = {
  units: OrgUnit[] | undefined;
  value?: string;
  onChange?: (id: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
};

type Option = { value: string; title: string; children: Option[] };

/** Picks a unit of one enterprise from its tree (used by filters and forms). */
export function OrgUnitSelect({ units, value, onChange, allowClear, placeholder, testId }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => {
    const toOption = (n: OrgNode): Option => ({ value: n.id, title: n.name, children: n.children.map(toOption) });
    return buildOrgTree(units ?? []).map(toOption);
  }, [units]);
  return (
    <TreeSelect
      style={{ width: '100%' }}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder ?? t('employee.orgUnit')}
      loading={!units}
      data-testid={testId}
    />
  );
}
