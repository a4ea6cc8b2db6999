import { api, type Page, type Query, type OnExportProgress } from '../../../app/api';

export type EmploymentForm = 'regular' | 'dispatched' | 'temporary' | 'migrant' | 'intern';
export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'];
export type EmployeeStatus = 'active' | 'left';
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['active', 'left'];

export type Employee = {
  id: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  employmentForm: EmploymentForm;
  orgUnitId: string;
  orgUnitName: string;
  posts: { id: string; name: string }[];
  hireDate: string | null;
  status: EmployeeStatus;
  version: number;
};

/** The page carries what the caller may do with this enterprise's employees, computed by the server. */
export type EmployeePage = Page<Employee> & { abilities?: { canManage: boolean; canImport: boolean; canExport: boolean } };
export type EmployeeDetail = Employee & { enterpriseId: string; createdAt: string; updatedAt: string; abilities?: { canEdit: boolean } };

export type EmployeeInput = {
  name: string;
  idNumber: string;
  phone: string;
  employmentForm: EmploymentForm;
  orgUnitId: string;
  postIds: string[];
  hireDate: string | null;
};

export type EmployeeUpdate = Partial<EmployeeInput> & { status?: EmployeeStatus; version: number };

export type ImportResult = {
  total: number;
  validCount: number;
  errorCount: number;
  imported: number;
  errors: { row: number; column: string; message: string }[];
  /** A translated one-line summary from the server. */
  message?: string;
};

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
