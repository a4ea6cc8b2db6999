import { api } from '../../../app/api';
import type { ResponseOf } from '../../../api/types';
import type { Locale } from '../../../app/i18n';

export type Me = ResponseOf<'/auth/me'>;
export type Role = Me['role'];

export const ROLES: readonly Role[] = [
  'district_admin', 'department_officer', 'subdistrict_officer',
  'enterprise_principal', 'safety_manager', 'unit_leader', 'employee',
  'insurer_staff', 'service_staff',
] satisfies Role[];

/** Roles that live inside one enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];

export type Permission =
  | 'reference.read' | 'reference.manage'
  | 'enterprise.read' | 'enterprise.create' | 'enterprise.update'
  | 'orgunit.read' | 'orgunit.manage'
  | 'employee.read' | 'employee.manage' | 'employee.import' | 'employee.export'
  | 'user.read' | 'user.manage'
  | 'audit.read' | 'audit.verify'
  | 'job.read'
  | 'risk.read' | 'risk.manage' | 'risk.rules' | 'risk.report.confirm' | 'risk.report.submit' | 'risk.supervise'
  | 'hazard.read' | 'hazard.report' | 'hazard.act' | 'hazard.manage' | 'hazard.supervise'
  | 'management.overview';

export type ScopeKind = Me['scope']['kind'];
export type DemoAccount = ResponseOf<'/auth/demo-accounts'>['accounts'][number];

export const authApi = {
  me: () => api.get<Me>('/auth/me', undefined, { quiet401: true }),
  login: (username: string, password: string) =>
    api.post<ResponseOf<'/auth/login', 'post'>>('/auth/login', { username, password }, { quiet401: true }),
  logout: () => api.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.put<void>('/auth/locale', { locale }),
  demoAccounts: () => api.get<ResponseOf<'/auth/demo-accounts'>>('/auth/demo-accounts', undefined, { quiet401: true }),
};
