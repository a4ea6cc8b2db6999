import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type UserRow = ItemOf<ResponseOf<'/users'>>;
/** Handed over once after a create or a reset: the user signs in with it and chooses a password. */
export type OneTimeCode = ResponseOf<'/users/{id}/reset-password', 'post'>;
export type UserCreate = BodyOf<'/users'>;
/** A rename, a disable/enable, or a change of role and scope (only below the caller's rank, D2). */
export type UserUpdate = BodyOf<'/users/{id}', 'patch'>;

export const usersApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/users'>>('/users', query, { signal }),
  create: (body: UserCreate) => api.post<ResponseOf<'/users', 'post'>>('/users', body),
  update: (id: string, body: UserUpdate) => api.patch<ResponseOf<'/users/{id}', 'patch'>>(`/users/${id}`, body),
  resetPassword: (id: string) => api.post<OneTimeCode>(`/users/${id}/reset-password`),
  unlock: (id: string) => api.post<void>(`/users/${id}/unlock`),
};
