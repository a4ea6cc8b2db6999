import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';

// The response types follow src/modules/management/culture/culture.schema.ts; declared here until the next
// `npm run api:types` adds the culture routes to the generated schema.

export const ACTIVITY_KINDS = ['pre_shift', 'safety_month', 'activity_day', 'knowledge_contest', 'drill', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivitySummary = { id: string; kind: ActivityKind; heldOn: string; topic: string; orgUnitName: string | null; host: string; participants: number; signedIn: number };
export type ActivityDetail = ActivitySummary & {
  orgUnitId: string | null; content: string; createdByName: string | null; createdAt: string;
  people: { employeeId: string; name: string; orgUnitName: string; signedAt: string | null }[];
  abilities: { canSignIn: boolean };
};
export type ActivityList = Page<ActivitySummary> & { counts: Record<ActivityKind, number>; abilities: { canCreate: boolean } };
export type ActivityInput = { kind: ActivityKind; heldOn: string; topic: string; orgUnitId?: string | null; host?: string; content?: string; participantIds?: string[] };

export const REWARD_KINDS = ['reward', 'penalty'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export type Reward = {
  id: string; kind: RewardKind; employeeId: string; personName: string; orgUnitName: string; decidedOn: string; reason: string; amount: string | null; measure: string;
  hazardId: string | null; hazardCode: string | null; createdAt: string;
};
export type RewardList = Page<Reward> & { totals: { reward: string; penalty: string; count: number }; abilities: { canCreate: boolean } };
export type RewardInput = { kind: RewardKind; employeeId: string; decidedOn: string; reason: string; amount: string | null; measure?: string; hazardId?: string | null };

export const cultureQueries = (enterpriseId: string): QueryKey[] => [['culture', enterpriseId]];
const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const cultureApi = {
  activities: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<ActivityList>(`${base(enterpriseId)}/culture-activities`, query, { signal }),
  activity: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ActivityDetail>(`${base(enterpriseId)}/culture-activities/${id}`, undefined, { signal }),
  createActivity: (enterpriseId: string, body: ActivityInput) => api.post<ActivityDetail>(`${base(enterpriseId)}/culture-activities`, body),
  signIn: (enterpriseId: string, id: string, body: { employeeId: string; idLast4: string; imageAttachmentId: string; device?: string }) =>
    api.post<ActivityDetail>(`${base(enterpriseId)}/culture-activities/${id}/sign-ins`, body),
  rewards: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<RewardList>(`${base(enterpriseId)}/rewards-penalties`, query, { signal }),
  createReward: (enterpriseId: string, body: RewardInput) => api.post<Reward>(`${base(enterpriseId)}/rewards-penalties`, body),
};
