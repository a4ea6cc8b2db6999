import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type E = '/enterprises/{enterpriseId}';

export type Library = ResponseOf<'/check-library'>;
export type LibraryItem = ItemOf<Library>;
export type EnterpriseItem = ItemOf<ResponseOf<`${E}/check-items`>>;
export type EnterpriseItemInput = BodyOf<`${E}/check-items`>;
export type RiskCheckItem = ItemOf<ResponseOf<`${E}/risk-check-items`>>;

export type ChecklistSummary = ItemOf<ResponseOf<`${E}/checklists`>>;
export type ChecklistDetail = ResponseOf<`${E}/checklists/{id}`>;
export type ChecklistItem = ChecklistDetail['items'][number];
export type ChecklistCreate = BodyOf<`${E}/checklists`>;
export type ChecklistItemInput = NonNullable<ChecklistCreate['items']>[number];
export type ChecklistPrint = ResponseOf<`${E}/checklists/{id}/print`>;

export type CheckPlan = ItemOf<ResponseOf<`${E}/check-plans`>>;
export type CheckPlanInput = BodyOf<`${E}/check-plans`>;

export type CheckTaskPage = ResponseOf<`${E}/check-tasks`>;
export type CheckTask = ItemOf<CheckTaskPage>;
export type CheckTaskDetail = ResponseOf<`${E}/check-tasks/{id}`>;
export type CheckTaskItem = CheckTaskDetail['items'][number];
export type RunOutput = ResponseOf<`${E}/check-tasks/{id}/run`, 'post'>;

export type ChecklistLevel = ChecklistSummary['level'];
export const CHECKLIST_LEVELS = ['enterprise', 'workshop', 'post'] as const satisfies readonly ChecklistLevel[];
export type ItemSource = ChecklistItem['source'];
export const ITEM_SOURCES = ['standard', 'enterprise', 'risk'] as const satisfies readonly ItemSource[];
export type PlanType = CheckPlan['type'];
export const PLAN_TYPES = ['daily', 'comprehensive', 'special', 'seasonal', 'holiday', 'resumption'] as const satisfies readonly PlanType[];
export type CheckCycle = CheckPlan['cycle'];
export const CHECK_CYCLES = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const satisfies readonly CheckCycle[];
export type TaskStatus = CheckTask['status'];
export const TASK_STATUSES = ['open', 'done', 'missed'] as const satisfies readonly TaskStatus[];
export type CheckResult = NonNullable<CheckTaskItem['result']>;
/** One answer of a run as the page collects it; `run` sends the photos as file fields. */
export type RunAnswer = { checklistItemId: string; result: CheckResult; note: string; photos: Blob[] };

export type Leaderboard = ResponseOf<`${E}/hazard-leaderboard`>;
type LeaderboardPeriod = Leaderboard['period'];

/** What the report page prefills for a post opened from its QR code: where it is and the risk points there. */
export type ReportContext = ResponseOf<`${E}/posts/{postId}/report-context`>;

const e = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const checksApi = {
  library: (query: Query, signal?: AbortSignal) => api.get<Library>('/check-library', query, { signal }),
  /** R-HAZ-2: the library's major-hazard criteria, for the pick list when a hazard is graded major. */
  majorCriteria: async (signal?: AbortSignal) => (await api.get<Library>('/check-library', { major: 'true' }, { signal })).items,
  ownItems: (enterpriseId: string, signal?: AbortSignal) => api.get<ResponseOf<`${E}/check-items`>>(`${e(enterpriseId)}/check-items`, undefined, { signal }),
  createOwnItem: (enterpriseId: string, body: EnterpriseItemInput) => api.post<EnterpriseItem>(`${e(enterpriseId)}/check-items`, body),
  updateOwnItem: (enterpriseId: string, id: string, body: BodyOf<`${E}/check-items/{id}`, 'patch'>) => api.patch<EnterpriseItem>(`${e(enterpriseId)}/check-items/${id}`, body),
  deleteOwnItem: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/check-items/${id}`),
  riskItems: (enterpriseId: string, postId: string | undefined, signal?: AbortSignal) =>
    api.get<ResponseOf<`${E}/risk-check-items`>>(`${e(enterpriseId)}/risk-check-items`, { postId }, { signal }),

  checklists: (enterpriseId: string, query: Query, signal?: AbortSignal) =>
    api.get<ResponseOf<`${E}/checklists`>>(`${e(enterpriseId)}/checklists`, query, { signal }),
  checklist: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ChecklistDetail>(`${e(enterpriseId)}/checklists/${id}`, undefined, { signal }),
  createChecklist: (enterpriseId: string, body: ChecklistCreate) => api.post<ChecklistDetail>(`${e(enterpriseId)}/checklists`, body),
  updateChecklist: (enterpriseId: string, id: string, body: BodyOf<`${E}/checklists/{id}`, 'patch'>) =>
    api.patch<ChecklistDetail>(`${e(enterpriseId)}/checklists/${id}`, body),
  deleteChecklist: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/checklists/${id}`),
  postCardFromRisk: (enterpriseId: string, postId: string) => api.post<ChecklistDetail>(`${e(enterpriseId)}/checklists/from-risk`, { postId }),
  print: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ChecklistPrint>(`${e(enterpriseId)}/checklists/${id}/print`, undefined, { signal }),

  plans: (enterpriseId: string, signal?: AbortSignal) => api.get<ResponseOf<`${E}/check-plans`>>(`${e(enterpriseId)}/check-plans`, undefined, { signal }),
  createPlan: (enterpriseId: string, body: CheckPlanInput) => api.post<CheckPlan>(`${e(enterpriseId)}/check-plans`, body),
  updatePlan: (enterpriseId: string, id: string, body: BodyOf<`${E}/check-plans/{id}`, 'patch'>) => api.patch<CheckPlan>(`${e(enterpriseId)}/check-plans/${id}`, body),
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

  leaderboard: (enterpriseId: string, period: LeaderboardPeriod, signal?: AbortSignal) =>
    api.get<Leaderboard>(`${e(enterpriseId)}/hazard-leaderboard`, { period }, { signal }),
  /** Everyone ranked in the period as .xlsx (the card shows the top ten). */
  exportLeaderboard: (enterpriseId: string, period: LeaderboardPeriod, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${e(enterpriseId)}/hazard-leaderboard/export`, { period }, fallbackName, onProgress),
  reportContext: (enterpriseId: string, postId: string, signal?: AbortSignal) =>
    api.get<ReportContext>(`${e(enterpriseId)}/posts/${postId}/report-context`, undefined, { signal }),
};
