import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { OrgUnitKind } from '../api/org.api';

const COLORS: Record<OrgUnitKind, string> = { company: 'geekblue', department: 'blue', workshop: 'cyan', team: 'green' };

export function OrgUnitKindTag({ kind }: { kind: OrgUnitKind }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[kind]} style={{ marginInlineEnd: 0 }}>{tx(`orgKind.${kind}`, kind)}</Tag>;
}
