import type { QueryKey } from '@tanstack/react-query';
import { api, buildUrl } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';
import type { RiskDetail, Shape } from './risk.api';

type E = '/enterprises/{enterpriseId}';

export type FloorPlanList = ResponseOf<`${E}/floor-plans`>;
export type FloorPlan = ItemOf<FloorPlanList>;
export type RiskMap = ResponseOf<`${E}/risk-map`>;
export type MapPoint = RiskMap['points'][number];
export type GradeColour = RiskMap['legend'][number]['colour'];

/** Floor plans accepted by the server (type and size are checked there too). */
export const PLAN_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
export const PLAN_MAX_MB = 5;

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

/**
 * The queries a floor plan or a placement shows in, for a write's `invalidates`: the map, the plan list (with its
 * counts of placed points) and the points, which carry their shapes.
 */
export const riskMapQueries = (enterpriseId: string): QueryKey[] => [
  ['risk', enterpriseId, 'map'], ['risk', enterpriseId, 'floor-plans'], ['risk', enterpriseId, 'points'],
];

export const riskMapApi = {
  plans: (enterpriseId: string, signal?: AbortSignal) => api.get<FloorPlanList>(`${base(enterpriseId)}/floor-plans`, undefined, { signal }),
  upload: (enterpriseId: string, file: File, name: string) => {
    const form = new FormData();
    form.append('name', name);
    form.append('file', file, file.name);
    return api.upload<ResponseOf<`${E}/floor-plans`, 'post'>>(`${base(enterpriseId)}/floor-plans`, form);
  },
  rename: (enterpriseId: string, id: string, name: string) => {
    const body: BodyOf<`${E}/floor-plans/{id}`, 'patch'> = { name };
    return api.patch<FloorPlan>(`${base(enterpriseId)}/floor-plans/${id}`, body);
  },
  remove: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/floor-plans/${id}`),
  /** The image is fetched by the browser itself (an <img>), with the session cookie. */
  imageUrl: (enterpriseId: string, id: string) => buildUrl(`${base(enterpriseId)}/floor-plans/${id}/image`),
  map: (enterpriseId: string, floorPlanId: string | undefined, signal?: AbortSignal) =>
    api.get<RiskMap>(`${base(enterpriseId)}/risk-map`, { floorPlanId }, { signal }),
  place: (enterpriseId: string, pointId: string, floorPlanId: string | null, shape: Shape | null) => {
    const body: BodyOf<`${E}/risk-points/{id}/shape`, 'put'> = { floorPlanId, shape };
    return api.put<RiskDetail>(`${base(enterpriseId)}/risk-points/${pointId}/shape`, body);
  },
};
