import type { QueryKey } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type OrgUnit = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/org-units'>>;
export type OrgUnitKind = OrgUnit['kind'];
export const CHILD_KINDS = ['department', 'workshop', 'team'] as const satisfies readonly OrgUnitKind[];
export type Post = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/posts'>>;
export type PostInput = BodyOf<'/enterprises/{enterpriseId}/posts'>;

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

/**
 * The queries a change of units or posts shows in, for a write's `invalidates`: the tree, the posts and the unit pickers
 * (all under `['org', enterpriseId]`) and the employee list, which names each employee's unit and posts.
 */
export const orgQueries = (enterpriseId: string): QueryKey[] => [['org', enterpriseId], ['employees', enterpriseId]];

export const orgApi = {
  units: (enterpriseId: string, signal?: AbortSignal) => api.get<OrgUnit[]>(`${base(enterpriseId)}/org-units`, undefined, { signal }),
  createUnit: (enterpriseId: string, body: BodyOf<'/enterprises/{enterpriseId}/org-units'>) =>
    api.post<OrgUnit>(`${base(enterpriseId)}/org-units`, body),
  updateUnit: (enterpriseId: string, id: string, body: BodyOf<'/enterprises/{enterpriseId}/org-units/{id}', 'patch'>) =>
    api.patch<OrgUnit>(`${base(enterpriseId)}/org-units/${id}`, body),
  deleteUnit: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/org-units/${id}`),
  posts: (enterpriseId: string, orgUnitId: string | undefined, signal?: AbortSignal) =>
    api.get<Post[]>(`${base(enterpriseId)}/posts`, { orgUnitId }, { signal }),
  createPost: (enterpriseId: string, body: PostInput) => api.post<Post>(`${base(enterpriseId)}/posts`, body),
  updatePost: (enterpriseId: string, id: string, body: BodyOf<'/enterprises/{enterpriseId}/posts/{id}', 'patch'>) => api.patch<Post>(`${base(enterpriseId)}/posts/${id}`, body),
  deletePost: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/posts/${id}`),
};
