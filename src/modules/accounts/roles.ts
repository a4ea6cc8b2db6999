import type { Role } from '../../platform/db/schema';
import type { Locale } from '../../platform/i18n/messages';

export const ROLE_NAMES: Record<Role, Record<Locale, string>> = {
  district_admin: { 'zh-CN': '区管理员', 'en-US': 'District administrator' },
  department_officer: { 'zh-CN': '区级部门监管员', 'en-US': 'District department officer' },
  subdistrict_officer: { 'zh-CN': '街道监管员', 'en-US': 'Subdistrict officer' },
  enterprise_principal: { 'zh-CN': '企业主要负责人', 'en-US': 'Enterprise principal' },
  safety_manager: { 'zh-CN': '安全管理员', 'en-US': 'Safety manager' },
  unit_leader: { 'zh-CN': '部门/车间/班组负责人', 'en-US': 'Unit leader' },
  employee: { 'zh-CN': '员工', 'en-US': 'Employee' },
  insurer_staff: { 'zh-CN': '保险机构人员', 'en-US': 'Insurer staff' },
  service_staff: { 'zh-CN': '技术服务机构人员', 'en-US': 'Service institution staff' },
};

export function roleName(role: Role, locale: Locale): string {
  return ROLE_NAMES[role][locale];
}
