import type { OrgUnit } from './org.api';

export type OrgNode = OrgUnit & { children: OrgNode[] };

/** The flat list from the server as a tree, siblings by `sort` then name; orphans become roots. */
export function buildOrgTree(units: OrgUnit[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) order(n.children);
  };
  order(roots);
  return roots;
}

/** The ids of a unit and everything under it: a unit cannot move below itself. */
export function subtreeIds(units: OrgUnit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function siblingsOf(units: OrgUnit[], unit: OrgUnit): OrgUnit[] {
  return units
    .filter((u) => u.parentId === unit.parentId)
    .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
}
