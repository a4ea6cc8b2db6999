import { z } from 'zod';
import { r8Items, RISK_KINDS, riskGrade, shape } from '../points/risk-point.schema';

export const COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export const colour = z.enum(COLOURS).nullable();

export const floorPlanParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const floorPlanRename = z.object({ name: z.string().trim().min(1).max(100) });

export const floorPlanView = z.object({
  id: z.string(), name: z.string(), mime: z.string(), width: z.number().int(), height: z.number().int(), size: z.number().int(),
  createdAt: z.date(), pointCount: z.number().int(),
});
export type FloorPlanView = z.infer<typeof floorPlanView>;
export const floorPlanList = z.object({ items: z.array(floorPlanView), canManage: z.boolean() });

/** The image bytes as stored; the docs show a file. */
export const planImage = z.instanceof(Buffer).meta({ type: 'string', format: 'binary', description: 'PNG, JPEG or SVG image' });

export const mapShape = shape;
export const mapQuery = z.object({ floorPlanId: z.uuid().optional() });

export const mapPoint = z.object({
  id: z.string(), code: z.string(), name: z.string(), grade: riskGrade.nullable(), colour, shape: mapShape,
  controlFailing: z.boolean(), missingR8: r8Items, kind: z.enum(RISK_KINDS), orgUnitName: z.string(),
});
export const riskMapView = z.object({
  floorPlan: floorPlanView.nullable(),
  points: z.array(mapPoint),
  legend: z.array(z.object({ grade: riskGrade, colour: z.enum(COLOURS), name: z.string(), count: z.number().int() })),
  /** Points of the enterprise not yet drawn on any plan, for the editor's palette. */
  unplaced: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), grade: riskGrade.nullable(), colour })),
  canManage: z.boolean(),
});
export type RiskMapView = z.infer<typeof riskMapView>;
