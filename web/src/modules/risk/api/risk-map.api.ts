import { api, buildUrl } from '../../../app/api';
import type { Grade } from './risk-grading';
import type { R8Item, RiskDetail, RiskKind, Shape } from './risk.api';

export type GradeColour = 'red' | 'orange' | 'yellow' | 'blue';
export type FloorPlan = { id: string; name: string; mime: string; width: number; height: number; size: number; createdAt: string; pointCount: number };
export type MapPoint = {
  id: string; code: string; name: string; grade: Grade | null; colour: GradeColour | null; shape: Shape;
  controlFailing: boolean; missingR8: R8Item[]; kind: RiskKind; orgUnitName: string;
};
export type RiskMap = {
  floorPlan: FloorPlan | null;
  points: MapPoint[];
  legend: { grade: Grade; colour: GradeColour; name: string; count: number }[];
  unplaced: { id: string; code: string; name: string; grade: Grade | null; colour: GradeColour | null }[];
  canManage: boolean;
};

/** Floor plans accepted by the server (type and size are checked there too). */
export const PLAN_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
export const PLAN_MAX_MB = 5;

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const riskMapApi = {
  plans: (enterpriseId: string, signal?: AbortSignal) => api.get<{ items: FloorPlan[]; canManage: boolean }>(`${base(enterpriseId)}/floor-plans`, undefined, { signal }),
  upload: (enterpriseId: string, file: File, name: string) => {
    const form = new FormData();
    form.append('name', name);
    form.append('file', file, file.name);
    return api.upload<FloorPlan>(`${base(enterpriseId)}/floor-plans`, form);
  },
  rename: (enterpriseId: string, id: string, name: string) => api.patch<FloorPlan>(`${base(enterpriseId)}/floor-plans/${id}`, { name }),
  remove: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/floor-plans/${id}`),
  /** The image is fetched by the browser itself (an <img>), with the session cookie. */
  imageUrl: (enterpriseId: string, id: string) => buildUrl(`${base(enterpriseId)}/floor-plans/${id}/image`),
  map: (enterpriseId: string, floorPlanId: string | undefined, signal?: AbortSignal) =>
    api.get<RiskMap>(`${base(enterpriseId)}/risk-map`, { floorPlanId }, { signal }),
  place: (enterpriseId: string, pointId: string, floorPlanId: string | null, shape: Shape | null) =>
    api.put<RiskDetail>(`${base(enterpriseId)}/risk-points/${pointId}/shape`, { floorPlanId, shape }),
};
