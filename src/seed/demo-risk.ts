import type { Tx } from '../platform/db/database';
import type { CheckCycle, ControlLevelName, MeasureCategory } from '../platform/db/schema';
import { reserveRiskPointCodes } from '../modules/risk/points/risk-point.service';
import { combineGrades, DEFAULT_RISK_RULES as RULES, gradeMethod, reassessDue, requiredControlLevels, type MethodInput } from '../modules/risk/points/risk-grading';

type PointSeed = {
  name: string; kind: 'equipment' | 'operation' | 'place'; unit: string; post?: string; location: string;
  factors: { people: string[]; things: string[]; environment: string[]; management: string[] };
  accidents: string[]; major?: boolean; methods: MethodInput[]; emergency: string;
  r8?: boolean; measures: [MeasureCategory, string, [string, CheckCycle][]][];
};

// A chemical plant's ledger: what a safety manager would enter first.
const POINTS: PointSeed[] = [
  {
    name: '甲醇储罐区', kind: 'place', unit: 'ws1', post: 'op1', location: '厂区东北角储罐区', major: true,
    factors: { people: ['违章动火'], things: ['储罐泄漏', '静电积聚'], environment: ['雷击'], management: ['巡检不到位'] },
    accidents: ['火灾', '容器爆炸', '中毒和窒息'], methods: [{ method: 'LEC', L: 3, E: 6, C: 40 }, { method: 'DIRECT', conditions: ['major_hazard_source'] }],
    emergency: '立即切断进料阀，启动消防喷淋，疏散下风向人员，拨打 119。', r8: true,
    measures: [
      ['engineering', '储罐设置高低液位报警和紧急切断阀', [['液位计、紧急切断阀完好有效', 'shift']]],
      ['monitoring', '可燃气体检测报警仪联锁排风', [['可燃气体报警仪读数正常、联锁投用', 'daily']]],
      ['isolation', '设置防火堤和警示标志', [['防火堤无破损、警示标志清晰', 'weekly']]],
      ['ppe', '作业人员穿防静电服', [['防静电服穿戴正确', 'shift']]],
      ['management', '执行动火作业审批制度', [['动火作业票证齐全', 'daily']]],
      ['training', '岗位人员每年储罐区专项培训', []],
      ['emergency', '配置泡沫灭火系统和应急物资柜', [['泡沫灭火系统压力正常', 'monthly']]],
    ],
  },
  {
    name: '反应釜（R-101）', kind: 'equipment', unit: 'ws1', post: 'op1', location: '一车间二层',
    factors: { people: ['误操作'], things: ['超温超压'], environment: [], management: ['工艺纪律执行不严'] },
    accidents: ['容器爆炸', '灼烫'], methods: [{ method: 'LEC', L: 3, E: 6, C: 15 }],
    emergency: '紧急停车，打开冷却水，人员撤离至安全区域。', r8: false,
    measures: [
      ['monitoring', '温度、压力超限联锁停车', [['温度压力联锁投用、仪表在检定期内', 'shift']]],
      ['management', '严格执行操作规程', [['交接班记录完整', 'shift']]],
    ],
  },
  {
    name: '有限空间作业（污水池）', kind: 'operation', unit: 'ws2', post: 'op2', location: '污水处理站',
    factors: { people: ['未检测即进入'], things: ['硫化氢积聚'], environment: ['通风不良'], management: ['作业审批缺失'] },
    accidents: ['中毒和窒息', '淹溺'], methods: [{ method: 'LS', L: 3, S: 5 }],
    emergency: '严禁盲目施救，佩戴正压式呼吸器救援，拨打 120。', r8: true,
    measures: [
      ['management', '执行"先通风、再检测、后作业"和审批', [['作业审批单、检测记录齐全', 'daily']]],
      ['ppe', '配备正压式空气呼吸器', [['呼吸器气压正常', 'weekly']]],
    ],
  },
  {
    name: '配电室', kind: 'place', unit: 'maint', post: 'elec', location: '综合楼一层',
    factors: { people: ['无证操作'], things: ['绝缘老化'], environment: ['潮湿'], management: [] },
    accidents: ['触电', '火灾'], methods: [{ method: 'LEC', L: 1, E: 6, C: 15 }],
    emergency: '切断电源后施救，使用干粉灭火器灭火。',
    measures: [['isolation', '配电室上锁、设置挡鼠板和绝缘垫', [['门锁、挡鼠板、绝缘垫完好', 'weekly']]]],
  },
  {
    name: '叉车作业', kind: 'operation', unit: 'ws1', post: 'forklift', location: '成品仓库',
    factors: { people: ['超速', '无证驾驶'], things: ['制动失效'], environment: ['通道狭窄'], management: [] },
    accidents: ['车辆伤害', '物体打击'], methods: [{ method: 'MES', M: 3, E: 6, S: 4 }],
    emergency: '停车熄火，救治伤员，保护现场。',
    measures: [['management', '持证上岗，限速 5 km/h', [['叉车日检表、驾驶员证件', 'daily']]]],
  },
  {
    name: '办公区', kind: 'place', unit: 'safety', location: '综合楼二至三层',
    factors: { people: [], things: ['电气线路'], environment: [], management: [] },
    accidents: ['火灾'], methods: [{ method: 'LEC', L: 0.5, E: 6, C: 7 }],
    emergency: '拨打 119，按疏散路线撤离。',
    measures: [['emergency', '配置灭火器、疏散指示标志', [['灭火器压力正常', 'monthly']]]],
  },
];

/** The demo enterprise's risk ledger, graded with the default rule-set. */
export async function seedDemoRisks(tx: Tx, ent: { id: string; units: Map<string, string>; posts: Map<string, string>; employees: string[] }, now: Date) {
  for (const [n, p] of POINTS.entries()) {
    const results = p.methods.map((m) => gradeMethod(m, RULES));
    const grade = combineGrades(results);
    const point = await tx.insertInto('risk_points').values({
      enterprise_id: ent.id, code: `FX-${String(n + 1).padStart(3, '0')}`, name: p.name, kind: p.kind, org_unit_id: ent.units.get(p.unit)!,
      location: p.location, hazard_factors: JSON.stringify(p.factors), accident_types: p.accidents, major_hazard_source: p.major ?? false,
      emergency_measures: p.emergency, grade, inherent_grade: grade, residual_grade: null, control_level: RULES.controlLevel[grade] as ControlLevelName,
      last_assessed_at: now, reassess_due: reassessDue(now, grade, RULES), floor_plan_id: null,
      has_warning_signs: !!p.r8, has_monitoring: !!p.r8, has_emergency_equipment: !!p.r8, has_escape_routes: !!p.r8,
      created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (p.post) await tx.insertInto('risk_point_posts').values({ enterprise_id: ent.id, risk_point_id: point.id, post_id: ent.posts.get(p.post)! }).execute();
    await tx.insertInto('risk_assessments').values({
      enterprise_id: ent.id, risk_point_id: point.id, stage: 'inherent', grade, rule_set_version: 0, reason: '首次辨识评价',
      methods: JSON.stringify(p.methods.map((m, i) => ({ ...results[i]!, inputs: m }))), assessed_by: null, assessed_at: now,
    }).execute();
    // Responsible people: the principal, the safety manager, then employees down the tree.
    const people: Record<ControlLevelName, string> = { company: ent.employees[0]!, department: ent.employees[1]!, workshop: ent.employees[2]!, team: ent.employees[3]! };
    const levels = requiredControlLevels(grade, RULES);
    await tx.insertInto('risk_controllers').values(levels.map((level) => ({ enterprise_id: ent.id, risk_point_id: point.id, level, employee_id: people[level] }))).execute();
    for (const [i, [category, content, items]] of p.measures.entries()) {
      const m = await tx.insertInto('control_measures').values({ enterprise_id: ent.id, risk_point_id: point.id, category, content, owner_employee_id: ent.employees[1]!, sort: i }).returning('id').executeTakeFirstOrThrow();
      if (items.length) {
        await tx.insertInto('risk_check_items').values(items.map(([c, cycle]) => ({
          enterprise_id: ent.id, risk_point_id: point.id, measure_id: m.id, content: c, method: '现场查看', cycle, post_id: p.post ? ent.posts.get(p.post)! : null,
        }))).execute();
      }
    }
  }
  // New points continue after the seeded codes (D12).
  await reserveRiskPointCodes(tx, ent.id, POINTS.map((_, n) => `FX-${String(n + 1).padStart(3, '0')}`));
}
