import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';

type OccurrencePath = '/enterprises/{enterpriseId}/obligations/{id}';

/** One occurrence of a duty (a row of the calendar, a card of 我的履职), with the caller's abilities on it. */
export type Occurrence = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/obligations'>>;
export type OccurrenceDetail = ResponseOf<OccurrencePath>;
export type OccurrenceHistory = OccurrenceDetail['history'][number];
export type EvidenceFile = OccurrenceDetail['files'][number];
export type OccurrenceStatus = Occurrence['status'];
export type OccurrenceOwner = Occurrence['owner'];
export const OCCURRENCE_STATUSES = ['upcoming', 'due', 'overdue', 'fulfilled', 'late_fulfilled', 'waived'] as const satisfies readonly OccurrenceStatus[];
export const OCCURRENCE_OWNERS = ['principal', 'safety_manager', 'enterprise', 'person', 'regulator'] as const satisfies readonly OccurrenceOwner[];
export type OccurrenceQuery = QueryOf<'/enterprises/{enterpriseId}/obligations'>;

export type MyDuties = ResponseOf<'/obligations/mine'>;
export type Definitions = ResponseOf<'/obligations/definitions'>;
export type Definition = ItemOf<Definitions>;
export type Cadence = Definition['cadence'];

export type EnterpriseRates = ResponseOf<'/enterprises/{enterpriseId}/obligations/rates'>;
/** Fulfilled ÷ due (R-RESP-5), with on time, late, overdue and waived beside it; `rate` null when nothing is due. */
export type Rate = EnterpriseRates['overall'];
export type Board = ResponseOf<'/obligations/board'>;
export type BoardEnterprisePage = ResponseOf<'/responsibility/overview'>;
export type FiveInPlace = ResponseOf<'/enterprises/{enterpriseId}/five-in-place'>;
export type BoardEnterprise = ItemOf<BoardEnterprisePage>;
export type BoardEnterpriseQuery = QueryOf<'/obligations/board/enterprises'>;
export type UrgeBody = BodyOf<'/obligations/urge'>;
export type WaiveBody = BodyOf<`${OccurrencePath}/waive`>;

/** The query keys of the duty screens, one per resource. */
export const obligationKeys = {
  all: ['obligations'] as const,
  definitions: () => ['obligations', 'definitions'] as const,
  mine: () => ['obligations', 'mine'] as const,
  enterprise: (enterpriseId: string) => ['obligations', enterpriseId] as const,
  list: (enterpriseId: string, q: Query) => ['obligations', enterpriseId, 'list', q] as const,
  detail: (enterpriseId: string, id: string) => ['obligations', enterpriseId, 'detail', id] as const,
  rates: (enterpriseId: string, year: number) => ['obligations', enterpriseId, 'rates', year] as const,
  board: () => ['obligations', 'board'] as const,
  boardYear: (year: number) => ['obligations', 'board', year] as const,
  boardEnterprises: (q: Query) => ['obligations', 'board', 'enterprises', q] as const,
  fiveInPlace: (enterpriseId: string) => ['obligations', enterpriseId, 'five-in-place'] as const,
};

/**
 * What a fulfilment, confirmation or waiver changes, for a write's `invalidates`: the enterprise's calendar, details
 * and rates, 我的履职 (and the home card on it), the regulators' board and the workbench's counts.
 */
export const obligationQueries = (enterpriseId: string): QueryKey[] => [
  obligationKeys.enterprise(enterpriseId), obligationKeys.mine(), obligationKeys.board(), ['workbench'],
];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/obligations`;

export type EvidenceInput = { files: Blob[]; note: string; version: number };

export const obligationsApi = {
  definitions: (signal?: AbortSignal) => api.get<Definitions>('/obligations/definitions', undefined, { signal }),
  mine: (signal?: AbortSignal) => api.get<MyDuties>('/obligations/mine', undefined, { signal }),
  list: (enterpriseId: string, q: Query, signal?: AbortSignal) =>
    api.get<ResponseOf<'/enterprises/{enterpriseId}/obligations'>>(base(enterpriseId), q, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<OccurrenceDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  rates: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<EnterpriseRates>(`${base(enterpriseId)}/rates`, { year }, { signal }),
  /** Evidence (several files and a note) as one multipart request: the fields first, then the files. */
  evidence: (enterpriseId: string, id: string, input: EvidenceInput) => {
    const form = new FormData();
    form.append('note', input.note);
    form.append('version', String(input.version));
    input.files.forEach((f, i) => form.append('file', f, f instanceof File ? f.name : `evidence-${i + 1}.jpg`));
    return api.upload<OccurrenceDetail>(`${base(enterpriseId)}/${id}/evidence`, form);
  },
  confirm: (enterpriseId: string, id: string) => api.post<OccurrenceDetail>(`${base(enterpriseId)}/${id}/confirm`, {}),
  waive: (enterpriseId: string, id: string, body: WaiveBody) => api.post<OccurrenceDetail>(`${base(enterpriseId)}/${id}/waive`, body),
  board: (year: number, signal?: AbortSignal) => api.get<Board>('/obligations/board', { year }, { signal }),
  // The drill-down with each enterprise's responsibility system beside its duties (issue 11 §10).
  boardEnterprises: (q: Query, signal?: AbortSignal) => api.get<BoardEnterprisePage>('/responsibility/overview', q, { signal }),
  fiveInPlace: (enterpriseId: string, signal?: AbortSignal) => api.get<FiveInPlace>(`/enterprises/${enterpriseId}/five-in-place`, undefined, { signal }),
  urge: (body: UrgeBody) => api.post<ResponseOf<'/obligations/urge', 'post'>>('/obligations/urge', body),
  /** An evidence file, served to whoever sees the duty it proves. */
  fileUrl: (enterpriseId: string, id: string, fileId: string) => `/api/v1/enterprises/${enterpriseId}/obligations/${id}/files/${fileId}`,
};
