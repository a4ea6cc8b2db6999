import { z } from 'zod';
import { colour } from '../map/risk-map.schema';
import { R8_ITEMS } from '../report/risk-report.rules';
import { controlLevel, CONTROLLER_LEVELS, hazardFactors, MEASURE_CATEGORIES, RISK_KINDS, riskGrade } from '../points/risk-point.schema';

export const postCardParams = z.object({ enterpriseId: z.uuid(), postId: z.uuid() });
// Any text: an unknown or malformed token is the same "not found", never a validation message about its shape.
export const publicCardParams = z.object({ token: z.string().max(200) });

const measureGroup = z.object({ category: z.enum(MEASURE_CATEGORIES), items: z.array(z.string()) });

export const cardPoint = z.object({
  id: z.string(), code: z.string(), name: z.string(), kind: z.enum(RISK_KINDS), location: z.string(),
  grade: riskGrade.nullable(), colour, gradeName: z.string().nullable(),
  hazards: hazardFactors, accidentTypes: z.array(z.string()), measures: z.array(measureGroup), emergencyMeasures: z.string(),
});

/** R-RISK-7: the post's risk-notice card (岗位风险告知卡). */
export const postCard = z.object({
  /** `unitPath`: the post's unit below the company ("一车间 / 甲班"), printed with the post so same-named posts differ. */
  post: z.object({ id: z.string(), name: z.string(), orgUnitName: z.string(), unitPath: z.string() }),
  enterpriseName: z.string(),
  grade: riskGrade.nullable(), colour, gradeName: z.string().nullable(),
  points: z.array(cardPoint),
  hazards: z.array(z.string()),
  accidentTypes: z.array(z.string()),
  emergencyActions: z.array(z.string()),
  emergencyPhone: z.string(),
  alarmPhones: z.string(),
  updatedAt: z.date().nullable(),
  qr: z.object({ url: z.string(), fullUrl: z.string(), svg: z.string() }).nullable(),
  canManage: z.boolean(),
  /** Issue 12 §2: the SHA-256 of the card's risks, which a person acknowledges (null: no points, no card to acknowledge). */
  contentSha256: z.string().nullable(),
});
export type PostCard = z.infer<typeof postCard>;

/** What the public page of a card shows: the same content without internal ids, QR or abilities. */
export const publicCard = postCard.omit({ qr: true, canManage: true, contentSha256: true }).extend({
  post: z.object({ name: z.string(), orgUnitName: z.string(), unitPath: z.string() }),
  points: z.array(cardPoint.omit({ id: true })),
});
export type PublicCard = z.infer<typeof publicCard>;

export const boardPoint = cardPoint.extend({
  orgUnitName: z.string(), unitPath: z.string(), controlLevel: controlLevel.nullable(),
  controllers: z.array(z.object({ level: z.enum(CONTROLLER_LEVELS), name: z.string() })),
  /** R-RISK-8 for grade 1–2 points: the four items and whether each is in place; null for grades 3–4. */
  checklist: z.array(z.object({ item: z.enum(R8_ITEMS), present: z.boolean() })).nullable(),
});

/** R-RISK-7: the enterprise notice board (公告栏). */
export const riskBoard = z.object({
  enterprise: z.object({ name: z.string(), address: z.string(), principalName: z.string() }),
  emergencyPhone: z.string(),
  alarmPhones: z.string(),
  counts: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int() }),
  points: z.array(boardPoint),
  canManage: z.boolean(),
});
export type RiskBoard = z.infer<typeof riskBoard>;
