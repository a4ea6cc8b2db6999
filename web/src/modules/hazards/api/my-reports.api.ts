import { api, type Query } from '../../../app/api';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type MyReport = ItemOf<ResponseOf<'/hazards/reported-by-me'>>;

/** 我上报的: the caller's own hazard reports, to any enterprise, with what became of them. */
export const myReportsApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/hazards/reported-by-me'>>('/hazards/reported-by-me', query, { signal }),
};
