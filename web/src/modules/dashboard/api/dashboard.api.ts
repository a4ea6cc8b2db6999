import { api } from '../../../app/api';
import type { ResponseOf } from '../../../api/types';
import { loadReference } from '../../../app/reference';
import type { Me } from '../../auth/api/auth.api';
import { employeesApi, EMPLOYMENT_FORMS } from '../../employees/api/employees.api';
import { ENTERPRISE_STATUSES, enterprisesApi } from '../../enterprises/api/enterprises.api';
import { notificationsApi } from '../../notifications/api/notifications.api';
import { orgApi } from '../../org/api/org.api';
import { usersApi } from '../../users/api/users.api';

export type StatKey =
  | 'enterprises' | 'highRiskEnterprises' | 'activeEmployees' | 'orgUnits' | 'keyPosts' | 'specialPosts' | 'users' | 'unread';

export type Stat = { key: StatKey; value: number; link: string };
export type Slice = { key: string; value: number };
export type HomeData = { stats: Stat[]; byStatus: Slice[] | null; bySubdistrict: { name: string; value: number }[] | null; byEmploymentForm: Slice[] | null };

const ONE = { page: 1, pageSize: 1 };

// The home page's numbers come from the list endpoints' totals: no special dashboard API to keep in step.
export async function loadHomeData(me: Me, signal: AbortSignal): Promise<HomeData> {
  const can = (p: string) => me.permissions.includes(p);
  const own = me.scope.enterpriseId;
  const stats: Promise<Stat | null>[] = [];
  let byStatus: Promise<Slice[]> | null = null;
  let bySubdistrict: Promise<{ name: string; value: number }[]> | null = null;
  let byEmploymentForm: Promise<Slice[]> | null = null;

  if (!own && can('enterprise.read')) {
    stats.push(enterprisesApi.list(ONE, signal).then((p) => ({ key: 'enterprises', value: p.total, link: '/enterprises' })));
    stats.push(enterprisesApi.list({ ...ONE, highRisk: true }, signal).then((p) => ({ key: 'highRiskEnterprises', value: p.total, link: '/enterprises?highRisk=true' })));
    byStatus = Promise.all(ENTERPRISE_STATUSES.map((status) =>
      enterprisesApi.list({ ...ONE, status }, signal).then((p) => ({ key: status, value: p.total }))));
    // A subdistrict officer sees one subdistrict: a bar chart of one bar says nothing.
    if (me.scope.kind !== 'subdistrict') bySubdistrict = loadReference('subdistricts').then((list) => (list.length < 2 || list.length > 40 ? [] : Promise.all(list.map((s) =>
      enterprisesApi.list({ ...ONE, subdistrictId: s.id }, signal).then((p) => ({ name: s.name, value: p.total }))))));
  }
  if (own && can('employee.read')) {
    stats.push(employeesApi.list(own, { ...ONE, status: 'active' }, signal).then((p) => ({ key: 'activeEmployees', value: p.total, link: '/employees' })));
    byEmploymentForm = Promise.all(EMPLOYMENT_FORMS.map((employmentForm) =>
      employeesApi.list(own, { ...ONE, status: 'active', employmentForm }, signal).then((p) => ({ key: employmentForm, value: p.total }))));
  }
  if (own && can('orgunit.read')) {
    stats.push(orgApi.units(own, signal).then((u) => ({ key: 'orgUnits', value: u.length, link: '/org' })));
    const posts = orgApi.posts(own, undefined, signal);
    stats.push(posts.then((p) => ({ key: 'keyPosts', value: p.filter((x) => x.keyPost).length, link: '/org' })));
    stats.push(posts.then((p) => ({ key: 'specialPosts', value: p.filter((x) => x.specialOperation).length, link: '/org' })));
  }
  if (can('user.read')) stats.push(usersApi.list(ONE, signal).then((p) => ({ key: 'users', value: p.total, link: '/users' })));
  stats.push(notificationsApi.unreadCount().then((r) => ({ key: 'unread', value: r.count, link: '/notifications?unreadOnly=true' })));

  // One failing count must not blank the whole page.
  const settled = await Promise.all(stats.map((p) => p.catch(() => null)));
  return {
    stats: settled.filter((s): s is Stat => s !== null),
    byStatus: byStatus ? await byStatus.catch(() => null) : null,
    bySubdistrict: bySubdistrict ? await bySubdistrict.catch(() => null) : null,
    byEmploymentForm: byEmploymentForm ? await byEmploymentForm.catch(() => null) : null,
  };
}

export type Workbench = ResponseOf<'/workbench'>;
export type WorkbenchItem = Workbench['items'][number];

/** The to-do workbench: the server asks every module what waits on this person (src/platform/workbench.ts). */
export const workbenchApi = {
  get: (signal?: AbortSignal) => api.get<Workbench>('/workbench', undefined, { signal }),
  /** 催报: the item names the API path and body; the answer says how many enterprises were reminded. */
  urge: (urge: NonNullable<WorkbenchItem['urge']>) => api.post<{ urged: number; notified: number }>(urge.path, urge.body),
};
