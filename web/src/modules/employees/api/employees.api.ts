import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type EmployeesPath = '/enterprises/{enterpriseId}/employees';
/** The page carries what the caller may do with this enterprise's employees, computed by the server. */
export type EmployeePage = ResponseOf<EmployeesPath>;
export type Employee = ItemOf<EmployeePage>;
export type EmploymentForm = Employee['employmentForm'];
export const EMPLOYMENT_FORMS = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const satisfies readonly EmploymentForm[];
export type EmployeeStatus = Employee['status'];
export const EMPLOYEE_STATUSES = ['active', 'left'] as const satisfies readonly EmployeeStatus[];
export type EmployeeDetail = ResponseOf<`${EmployeesPath}/{id}`>;
export type EmployeeInput = BodyOf<EmployeesPath>;
export type EmployeeUpdate = BodyOf<`${EmployeesPath}/{id}`, 'patch'>;
export type ImportResult = ResponseOf<`${EmployeesPath}/import`, 'post'>;

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/employees`;

export const employeesApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<EmployeePage>(base(enterpriseId), query, { signal }),
  get: (enterpriseId: string, id: string) => api.get<EmployeeDetail>(`${base(enterpriseId)}/${id}`),
  create: (enterpriseId: string, body: EmployeeInput) => api.post<Employee>(base(enterpriseId), body),
  update: (enterpriseId: string, id: string, body: EmployeeUpdate) => api.patch<Employee>(`${base(enterpriseId)}/${id}`, body),
  remove: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/${id}`),
  downloadTemplate: (enterpriseId: string, fallbackName: string) => api.download(`${base(enterpriseId)}/import-template`, undefined, fallbackName),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
  import: (enterpriseId: string, file: File, mode: 'strict' | 'valid') => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportResult>(`${base(enterpriseId)}/import`, form, { mode });
  },
};
