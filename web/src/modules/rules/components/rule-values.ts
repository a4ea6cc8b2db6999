import type { SchemaNode } from '../api/rules.api';

/** One leaf of a rule-set's value: its path, the schema that types it, and the label people read. */
export type Leaf = { path: string[]; node: SchemaNode; label: string };

export function isObjectNode(node: SchemaNode): boolean {
  return node.type === 'object' && !!node.properties;
}

/** The label of a field: its own from the rule-set, else its key (the server labels every field it declares). */
export function fieldLabel(fields: Record<string, string>, path: string[]): string {
  return fields[path.join('.')] ?? path[path.length - 1] ?? '';
}

/** Every leaf of the schema in declaration order, labelled "parent · field" below the first level. */
export function leavesOf(node: SchemaNode, fields: Record<string, string>, path: string[] = []): Leaf[] {
  if (!isObjectNode(node)) return [{ path, node, label: path.map((_, i) => fieldLabel(fields, path.slice(0, i + 1))).join(' · ') }];
  return Object.entries(node.properties!).flatMap(([key, child]) => leavesOf(child, fields, [...path, key]));
}

export function valueAt(value: unknown, path: string[]): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** An enum value as people read it (the rule-set labels values as `@value`). */
export function optionLabel(fields: Record<string, string>, v: unknown): string {
  return fields[`@${String(v)}`] ?? String(v);
}
