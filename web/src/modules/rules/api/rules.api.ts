import { api } from '../../../app/api';

/** What a JSON Schema node of a rule-set's value looks like here (the server sends zod's JSON Schema). */
export type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  additionalProperties?: SchemaNode | boolean;
};

export type RuleSetAbout = {
  name: string; module: string; rules: string[]; title: string; description: string;
  /** Labels of the value's fields by dotted path, in the request's language. */
  fields: Record<string, string>;
};
export type RuleSetSummary = RuleSetAbout & { version: number; updatedAt: string | null };
export type RuleSetVersion = { version: number; value: unknown; note: string; createdAt: string | null };
export type RuleSetDetail = RuleSetAbout & {
  current: RuleSetVersion;
  defaults: unknown;
  schema: SchemaNode;
  history: (RuleSetVersion & { createdAt: string; createdBy: string | null })[];
};

export const rulesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: RuleSetSummary[] }>('/rules', undefined, { signal }),
  get: (name: string, signal?: AbortSignal) => api.get<RuleSetDetail>(`/rules/${encodeURIComponent(name)}`, undefined, { signal }),
  save: (name: string, body: { value: unknown; note: string; baseVersion: number }) => api.put<RuleSetVersion>(`/rules/${encodeURIComponent(name)}`, body),
};
