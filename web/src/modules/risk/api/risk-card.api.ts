import { api } from '../../../app/api';
import type { ControlLevel, Grade } from './risk-grading';
import type { GradeColour } from './risk-map.api';
import type { HazardFactors, MeasureCategory, R8Item, RiskKind } from './risk.api';

export type CardPoint = {
  id?: string; code: string; name: string; kind: RiskKind; location: string; grade: Grade | null; colour: GradeColour | null; gradeName: string | null;
  hazards: HazardFactors; accidentTypes: string[]; measures: { category: MeasureCategory; items: string[] }[]; emergencyMeasures: string;
};

/** R-RISK-7: a post's risk-notice card (岗位风险告知卡). The public page gets the same without ids, QR and abilities. */
export type PublicCard = {
  /** `unitPath`: the post's unit below the company, "一车间 / 甲班" (two units may each have an "操作工"). */
  post: { name: string; orgUnitName: string; unitPath: string };
  enterpriseName: string;
  grade: Grade | null; colour: GradeColour | null; gradeName: string | null;
  points: CardPoint[];
  hazards: string[];
  accidentTypes: string[];
  emergencyActions: string[];
  emergencyPhone: string;
  alarmPhones: string;
  updatedAt: string | null;
  /** Present when the server offers a hazard report for this card (enterprise and post of the scan). */
  enterpriseId?: string;
  postId?: string;
};
export type PostCard = PublicCard & {
  post: { id: string; name: string; orgUnitName: string; unitPath: string };
  qr: { url: string; fullUrl: string; svg: string } | null;
  canManage: boolean;
};

export type BoardPoint = CardPoint & {
  orgUnitName: string; unitPath: string; controlLevel: ControlLevel | null;
  controllers: { level: ControlLevel; name: string }[];
  checklist: { item: R8Item; present: boolean }[] | null;
};
export type RiskBoard = {
  enterprise: { name: string; address: string; principalName: string };
  emergencyPhone: string;
  alarmPhones: string;
  counts: Record<Grade, number>;
  points: BoardPoint[];
  canManage: boolean;
};

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const riskCardApi = {
  board: (enterpriseId: string, signal?: AbortSignal) => api.get<RiskBoard>(`${base(enterpriseId)}/risk-board`, undefined, { signal }),
  card: (enterpriseId: string, postId: string, signal?: AbortSignal) => api.get<PostCard>(`${base(enterpriseId)}/posts/${postId}/risk-card`, undefined, { signal }),
  /** Issues the card's QR code if it has none (a POST: reading a card never issues one). */
  issue: (enterpriseId: string, postId: string) => api.post<PostCard>(`${base(enterpriseId)}/posts/${postId}/risk-card`),
  revoke: (enterpriseId: string, postId: string) => api.post<PostCard>(`${base(enterpriseId)}/posts/${postId}/risk-card/revoke`),
  publicCard: (token: string, signal?: AbortSignal) => api.get<PublicCard>(`/public/risk-cards/${encodeURIComponent(token)}`, undefined, { signal, quiet401: true }),
};
