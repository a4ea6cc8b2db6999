import type { Tx } from '../platform/db/database';
import { createPlan } from '../modules/risk/map/risk-map.service';
import { setPointShape } from '../modules/risk/map/risk-map.repository';
import { systemScope } from '../platform/db/scope';
import { shapeInput } from '../modules/risk/points/risk-point.schema';

/*
 * R-RISK-1 "一企一分布图": the demo chemical plant's site plan, drawn here as an SVG (no download, the same bytes on
 * every machine) and stored like an uploaded plan (the attachments store judges and keeps it), with every point of
 * the demo ledger (src/seed/demo-risk.ts) drawn where its location says, so the four-colour map has colours on the
 * first start. The shapes are computed from the same rectangles the picture is drawn from.
 */

export const DEMO_FLOOR_PLAN_NAME = '厂区平面布置图';

const WIDTH = 1200;
const HEIGHT = 800;
type Rect = { x: number; y: number; w: number; h: number };

const SITE: Rect = { x: 40, y: 60, w: 1120, h: 700 };
const AREAS = {
  chemStore: { x: 80, y: 100, w: 240, h: 110 },
  ws1: { x: 80, y: 250, w: 400, h: 190 },
  ws2: { x: 540, y: 250, w: 280, h: 190 },
  /** The tank farm's dike (防火堤), the north-east corner. */
  tankFarm: { x: 890, y: 100, w: 230, h: 250 },
  office: { x: 80, y: 560, w: 320, h: 160 },
  /** The switch room on the office building's ground floor, its west end. */
  switchRoom: { x: 80, y: 560, w: 90, h: 160 },
  warehouse: { x: 500, y: 560, w: 320, h: 160 },
  sewage: { x: 890, y: 540, w: 230, h: 180 },
} satisfies Record<string, Rect>;
const REACTOR = { x: 380, y: 330 };
const SEWAGE_PIT = { x: 1005, y: 640 };
const FORKLIFTS = { x: 700, y: 665 };
const TANKS = [[960, 170], [1050, 170], [960, 280], [1050, 280]] as const;

const FONT = "font-family=\"'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif\"";
const text = (x: number, y: number, s: string, size = 20, extra = '') => `<text x="${x}" y="${y}" font-size="${size}" ${FONT} fill="#333"${extra}>${s}</text>`;
const rect = (r: Rect, style: string) => `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" ${style}/>`;
const building = (r: Rect, name: string) => `${rect(r, 'fill="#fff" stroke="#555" stroke-width="2"')}${text(r.x + 12, r.y + 28, name)}`;

/** The site plan as an inert SVG: buildings, roads, the dike and the tanks, labelled in Chinese. */
export function demoFloorPlanSvg(): string {
  const a = AREAS;
  const parts = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f4ef"/>`,
    text(WIDTH / 2, 38, '厂区平面布置图（示意，不按比例）', 24, ' text-anchor="middle"'),
    rect(SITE, 'fill="#fbfbf8" stroke="#333" stroke-width="4"'),
    // Roads: the east-west main road, the gate road from the south wall, the road along the tank farm.
    rect({ x: SITE.x, y: 470, w: SITE.w, h: 55 }, 'fill="#dcdcd6"'),
    rect({ x: 420, y: 525, w: 60, h: SITE.y + SITE.h - 525 }, 'fill="#dcdcd6"'),
    rect({ x: 840, y: SITE.y, w: 40, h: 410 }, 'fill="#dcdcd6"'),
    text(450, SITE.y + SITE.h + 28, '厂区大门', 18, ' text-anchor="middle"'),
    text(240, 505, '厂区主干道', 16, ' fill-opacity="0.7"'),
    building(a.chemStore, '危化品仓库'),
    building(a.ws1, '一车间'),
    `<circle cx="${REACTOR.x}" cy="${REACTOR.y}" r="34" fill="#eef" stroke="#555" stroke-width="2"/>`,
    text(REACTOR.x, REACTOR.y + 58, '反应釜 R-101', 16, ' text-anchor="middle"'),
    building(a.ws2, '二车间'),
    rect(a.tankFarm, 'fill="#fff" stroke="#555" stroke-width="3" stroke-dasharray="12 6"'),
    text(a.tankFarm.x + 12, a.tankFarm.y - 10, '甲醇储罐区（防火堤）', 18),
    ...TANKS.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="36" fill="#f2f2f2" stroke="#555" stroke-width="2"/>${text(x, y + 6, `V-10${i + 1}`, 16, ' text-anchor="middle"')}`),
    rect(a.office, 'fill="#fff" stroke="#555" stroke-width="2"'),
    rect(a.switchRoom, 'fill="#f7f7f7" stroke="#555" stroke-width="2"'),
    text(a.switchRoom.x + a.switchRoom.w / 2, a.switchRoom.y + 28, '配电室', 18, ' text-anchor="middle"'),
    text(a.switchRoom.x + a.switchRoom.w + 12, a.office.y + 28, '综合楼 · 二至三层办公区', 18),
    building(a.warehouse, '成品仓库'),
    text(FORKLIFTS.x, FORKLIFTS.y + 40, '叉车作业及充电区', 16, ' text-anchor="middle"'),
    building(a.sewage, '污水处理站'),
    rect({ x: SEWAGE_PIT.x - 70, y: SEWAGE_PIT.y - 35, w: 140, h: 70 }, 'fill="#e3eef5" stroke="#555" stroke-width="2"'),
    text(SEWAGE_PIT.x, SEWAGE_PIT.y + 56, '污水池（有限空间）', 16, ' text-anchor="middle"'),
    // North arrow.
    `<path d="M1120 20 L1132 52 L1120 44 L1108 52 Z" fill="#333"/>`,
    text(1120, 70, '北', 16, ' text-anchor="middle"'),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>\n`;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const marker = (p: { x: number; y: number }) => ({ type: 'marker' as const, x: round(p.x / WIDTH), y: round(p.y / HEIGHT) });
const polygon = (r: Rect, inset = 0) => ({
  type: 'polygon' as const,
  points: [[r.x + inset, r.y + inset], [r.x + r.w - inset, r.y + inset], [r.x + r.w - inset, r.y + r.h - inset], [r.x + inset, r.y + r.h - inset]]
    .map(([x, y]) => [round(x! / WIDTH), round(y! / HEIGHT)] as [number, number]),
});

/** Where each point of the demo ledger is drawn, by its code: places as areas, equipment and operations as markers. */
export const DEMO_POINT_SHAPES: Record<string, ReturnType<typeof marker> | ReturnType<typeof polygon>> = {
  'FX-001': polygon(AREAS.tankFarm, 6),
  'FX-002': marker(REACTOR),
  'FX-003': marker(SEWAGE_PIT),
  'FX-004': marker({ x: AREAS.switchRoom.x + AREAS.switchRoom.w / 2, y: AREAS.switchRoom.y + AREAS.switchRoom.h / 2 + 10 }),
  'FX-005': marker(FORKLIFTS),
  'FX-006': polygon({ x: AREAS.switchRoom.x + AREAS.switchRoom.w, y: AREAS.office.y + 40, w: AREAS.office.w - AREAS.switchRoom.w, h: AREAS.office.h - 40 }, 6),
};

/**
 * Loads the plan for the demo enterprise and draws its active risk points on it. Called by seedDemo after the ledger,
 * in its transaction; the plan and its image are audited as the system's, like the rest of the seed's own rows.
 */
export async function seedDemoFloorPlan(tx: Tx, enterpriseId: string, now: Date): Promise<string> {
  const ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN' as const, now };
  const plan = await createPlan(tx, ctx, systemScope, enterpriseId, { name: DEMO_FLOOR_PLAN_NAME, filename: `${DEMO_FLOOR_PLAN_NAME}.svg`, buffer: Buffer.from(demoFloorPlanSvg()) });
  const points = await tx.selectFrom('risk_points').select(['id', 'code']).where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').execute();
  for (const p of points) {
    const shape = DEMO_POINT_SHAPES[p.code];
    if (!shape) throw new Error(`demo floor plan: no place drawn for ${p.code}`);
    // The placement the map's editor would send, checked by its own schema.
    const input = shapeInput.parse({ floorPlanId: plan.id, shape });
    await setPointShape(tx, systemScope, enterpriseId, p.id, input.floorPlanId, input.shape, now);
  }
  return plan.id;
}
