import { api, type Page, type Query, type OnExportProgress } from '../../../app/api';

export const CHECKLIST_LEVELS = ['enterprise', 'workshop', 'post'] as const;
export type ChecklistLevel = (typeof CHECKLIST_LEVELS)[number];
export const ITEM_SOURCES = ['standard', 'enterprise', 'risk'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
export const PLAN_TYPES = ['daily', 'comprehensive', 'special', 'seasonal', 'holiday', 'resumption'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export const CHECK_CYCLES = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type CheckCycle = (typeof CHECK_CYCLES)[number];
export const TASK_STATUSES = ['open', 'done', 'missed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type CheckResult = 'pass' | 'fail' | 'na';

export type LibraryItem = { id: string; code: string; category: string; content: string; method: string; basis: string; majorCriterion: boolean };
export type Library = { items: LibraryItem[]; categories: { name: string; count: number; major: number }[] };
export type EnterpriseItem = { id: string; category: string; content: string; method: string; basis: string; majorCriterion: boolean; createdAt: string };
export type EnterpriseItemInput = { category: string; content: string; method: string; basis: string; majorCriterion: boolean };
export type RiskCheckItem = {
  id: string; content: string; method: string; cycle: string; postId: string | null; riskPointId: string; riskCode: string; riskName: string;
  grade: number | null; category: string; measure: string;
};

export type ChecklistSummary = {
  id: string; level: ChecklistLevel; name: string; orgUnitId: string | null; orgUnitName: string | null; postId: string | null; postName: string | null;
  itemCount: number; majorCount: number; planCount: number; updatedAt: string;
};
export type ChecklistItem = {
  id: string; source: ItemSource; sourceId: string | null; riskPointId: string | null; riskPointName: string | null; category: string; content: string;
  method: string; basis: string; cycle: string | null; responsible: string; majorCriterion: boolean; sort: number;
};
export type ChecklistDetail = ChecklistSummary & { items: ChecklistItem[]; canManage: boolean };
export type ChecklistItemInput = { source: ItemSource; sourceId: string; method?: string; cycle?: CheckCycle; responsible?: string };
export type ChecklistCreate = { level: ChecklistLevel; name: string; orgUnitId?: string; postId?: string; items: ChecklistItemInput[] };
export type ChecklistPrint = {
  enterpriseName: string; title: string; level: ChecklistLevel; orgUnitName: string | null; postName: string | null;
  riskPoints: { code: string; name: string; grade: number | null }[];
  groups: { category: string; rows: { no: number; content: string; method: string; basis: string; cycle: string | null; responsible: string; majorCriterion: boolean }[] }[];
  qr: { url: string; fullUrl: string; svg: string } | null;
  printedAt: string;
};

export type CheckPlan = {
  id: string; name: string; type: PlanType; cycle: CheckCycle; checklistId: string; checklistName: string;
  assigneePostId: string | null; assigneePostName: string | null; assigneeUserId: string | null; assigneeUserName: string | null;
  startsOn: string; endsOn: string | null; active: boolean; createdAt: string; taskCounts: { open: number; done: number; missed: number };
};
export type CheckPlanInput = {
  name: string; type: PlanType; cycle: CheckCycle; checklistId: string; assigneePostId?: string | null; assigneeUserId?: string | null;
  startsOn: string; endsOn?: string | null; active?: boolean;
};

export type CheckTask = {
  id: string; planId: string; planName: string; planType: PlanType; cycle: CheckCycle; checklistId: string; checklistName: string; level: ChecklistLevel;
  periodKey: string; startsAt: string | null; dueAt: string; status: TaskStatus;
  assigneePostId: string | null; assigneePostName: string | null; assigneeUserId: string | null; assigneeUserName: string | null;
  doneByName: string | null; doneAt: string | null; passCount: number; failCount: number; naCount: number; canRun: boolean;
};
export type CheckTaskPage = Page<CheckTask> & { counts: { open: number; done: number; missed: number } };
export type CheckTaskItem = {
  id: string; category: string; content: string; method: string; basis: string; majorCriterion: boolean; riskPointId: string | null; riskPointName: string | null;
  result: CheckResult | null; note: string; photoIds: string[]; hazardId: string | null; hazardCode: string | null;
};
export type CheckTaskDetail = CheckTask & { items: CheckTaskItem[] };
export type RunAnswer = { checklistItemId: string; result: CheckResult; note: string; photos: Blob[] };
export type RunOutput = CheckTaskDetail & { createdHazards: { id: string; code: string; checklistItemId: string }[] };

export type Leaderboard = {
  period: 'month' | 'year' | 'all';
  since: string | null;
  items: { rank: number; userId: string; name: string; orgUnitName: string | null; points: number; hazards: number }[];
  me: { rank: number | null; points: number; hazards: number };
};

/** What the report page prefills for a post opened from its QR code: where it is and the risk points there. */
export type ReportContext = {
  enterprise: { id: string; name: string };
  post: { id: string; name: string };
  orgUnit: { id: string; name: string };
  riskPoints: { id: string; code: string; name: string; location: string; grade: number | null; atPost: boolean }[];
};

const e = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const checksApi = {
  library: (query: Query, signal?: AbortSignal) => api.get<Library>('/check-library', query, { signal }),
  /** R-HAZ-2: the library's major-hazard criteria, for the pick list when a hazard is graded major. */
  majorCriteria: async (signal?: AbortSignal) => (await api.get<Library>('/check-library', { major: 'true' }, { signal })).items,
  ownItems: (enterpriseId: string, signal?: AbortSignal) => api.get<{ items: EnterpriseItem[]; canManage: boolean }>(`${e(enterpriseId)}/check-items`, undefined, { signal }),
  createOwnItem: (enterpriseId: string, body: EnterpriseItemInput) => api.post<EnterpriseItem>(`${e(enterpriseId)}/check-items`, body),
  updateOwnItem: (enterpriseId: string, id: string, body: Partial<EnterpriseItemInput>) => api.patch<EnterpriseItem>(`${e(enterpriseId)}/check-items/${id}`, body),
  deleteOwnItem: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/check-items/${id}`),
  riskItems: (enterpriseId: string, postId: string | undefined, signal?: AbortSignal) =>
    api.get<RiskCheckItem[]>(`${e(enterpriseId)}/risk-check-items`, { postId }, { signal }),

  checklists: (enterpriseId: string, query: Query, signal?: AbortSignal) =>
    api.get<{ items: ChecklistSummary[]; canManage: boolean }>(`${e(enterpriseId)}/checklists`, query, { signal }),
  checklist: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ChecklistDetail>(`${e(enterpriseId)}/checklists/${id}`, undefined, { signal }),
  createChecklist: (enterpriseId: string, body: ChecklistCreate) => api.post<ChecklistDetail>(`${e(enterpriseId)}/checklists`, body),
  updateChecklist: (enterpriseId: string, id: string, body: { name?: string; items?: ChecklistItemInput[] }) =>
    api.patch<ChecklistDetail>(`${e(enterpriseId)}/checklists/${id}`, body),
  deleteChecklist: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/checklists/${id}`),
  postCardFromRisk: (enterpriseId: string, postId: string) => api.post<ChecklistDetail>(`${e(enterpriseId)}/checklists/from-risk`, { postId }),
  print: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ChecklistPrint>(`${e(enterpriseId)}/checklists/${id}/print`, undefined, { signal }),

  plans: (enterpriseId: string, signal?: AbortSignal) => api.get<{ items: CheckPlan[]; canManage: boolean }>(`${e(enterpriseId)}/check-plans`, undefined, { signal }),
  createPlan: (enterpriseId: string, body: CheckPlanInput) => api.post<CheckPlan>(`${e(enterpriseId)}/check-plans`, body),
  updatePlan: (enterpriseId: string, id: string, body: Partial<CheckPlanInput>) => api.patch<CheckPlan>(`${e(enterpriseId)}/check-plans/${id}`, body),
  deletePlan: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/check-plans/${id}`),

  tasks: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<CheckTaskPage>(`${e(enterpriseId)}/check-tasks`, query, { signal }),
  /** The task list as .xlsx, with the list's filters. */
  exportTasks: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${e(enterpriseId)}/check-tasks/export`, query, fallbackName, onProgress),
  task: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<CheckTaskDetail>(`${e(enterpriseId)}/check-tasks/${id}`, undefined, { signal }),
  /** One multipart request: the answers as JSON in `results`, each failed item's photos as file fields it names. */
  run: (enterpriseId: string, id: string, answers: RunAnswer[]) => {
    const files: [string, Blob][] = [];
    const results = answers.map((a, i) => ({
      checklistItemId: a.checklistItemId,
      result: a.result,
      note: a.note,
      photoFields: a.photos.map((blob, k) => {
        const field = `photo_${i}_${k}`;
        files.push([field, blob]);
        return field;
      }),
    }));
    // The JSON field goes first, then the files it names.
    const body = new FormData();
    body.append('results', JSON.stringify(results));
    for (const [field, blob] of files) body.append(field, blob, blob instanceof File ? blob.name : `${field}.jpg`);
    return api.upload<RunOutput>(`${e(enterpriseId)}/check-tasks/${id}/run`, body);
  },

  leaderboard: (enterpriseId: string, period: 'month' | 'year' | 'all', signal?: AbortSignal) =>
    api.get<Leaderboard>(`${e(enterpriseId)}/hazard-leaderboard`, { period }, { signal }),
  /** Everyone ranked in the period as .xlsx (the card shows the top ten). */
  exportLeaderboard: (enterpriseId: string, period: 'month' | 'year' | 'all', fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${e(enterpriseId)}/hazard-leaderboard/export`, { period }, fallbackName, onProgress),
  reportContext: (enterpriseId: string, postId: string, signal?: AbortSignal) =>
    api.get<ReportContext>(`${e(enterpriseId)}/posts/${postId}/report-context`, undefined, { signal }),
};
