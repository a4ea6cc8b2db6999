import { api, type Page, type Query } from '../../../app/api';
import type { Role } from '../../auth/api/auth.api';

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  scopeName: string;
  enterpriseId: string | null;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  /** Whether the signed-in user may reset, disable or edit this account (server-decided, D2). */
  canManage: boolean;
};

/** Handed over once after a create or a reset: the user signs in with it and chooses a password. */
export type OneTimeCode = { oneTimeCode: string; expiresAt: string };

export type UserCreate = {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: string;
  orgUnitId?: string;
  subdistrictId?: string;
  departmentId?: string;
  institutionId?: string;
  employeeId?: string;
};

/** A rename, a disable/enable, or a change of role and scope (only below the caller's rank, D2). */
export type UserUpdate = { displayName?: string; disabled?: boolean; role?: Role; orgUnitId?: string };

export const usersApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<Page<UserRow>>('/users', query, { signal }),
  create: (body: UserCreate) => api.post<{ user: UserRow } & OneTimeCode>('/users', body),
  update: (id: string, body: UserUpdate) => api.patch<UserRow>(`/users/${id}`, body),
  resetPassword: (id: string) => api.post<OneTimeCode>(`/users/${id}/reset-password`),
  unlock: (id: string) => api.post<void>(`/users/${id}/unlock`),
};
