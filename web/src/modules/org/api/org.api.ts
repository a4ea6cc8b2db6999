import { api } from '../../../app/api';

export type OrgUnitKind = 'company' | 'department' | 'workshop' | 'team';
export const CHILD_KINDS: readonly OrgUnitKind[] = ['department', 'workshop', 'team'];

export type OrgUnit = {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  sort: number;
  postCount: number;
  employeeCount: number;
  canManage: boolean;
};

export type Post = {
  id: string;
  orgUnitId: string;
  name: string;
  keyPost: boolean;
  specialOperation: boolean;
  certificateType: string | null;
  employeeCount: number;
};

export type PostInput = { orgUnitId: string; name: string; keyPost: boolean; specialOperation: boolean; certificateType: string | null };

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const orgApi = {
  units: (enterpriseId: string, signal?: AbortSignal) => api.get<OrgUnit[]>(`${base(enterpriseId)}/org-units`, undefined, { signal }),
  createUnit: (enterpriseId: string, body: { parentId: string; kind: OrgUnitKind; name: string }) =>
    api.post<OrgUnit>(`${base(enterpriseId)}/org-units`, body),
  updateUnit: (enterpriseId: string, id: string, body: { name?: string; parentId?: string; sort?: number }) =>
    api.patch<OrgUnit>(`${base(enterpriseId)}/org-units/${id}`, body),
  deleteUnit: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/org-units/${id}`),
  posts: (enterpriseId: string, orgUnitId: string | undefined, signal?: AbortSignal) =>
    api.get<Post[]>(`${base(enterpriseId)}/posts`, { orgUnitId }, { signal }),
  createPost: (enterpriseId: string, body: PostInput) => api.post<Post>(`${base(enterpriseId)}/posts`, body),
  updatePost: (enterpriseId: string, id: string, body: Partial<PostInput>) => api.patch<Post>(`${base(enterpriseId)}/posts/${id}`, body),
  deletePost: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/posts/${id}`),
};
