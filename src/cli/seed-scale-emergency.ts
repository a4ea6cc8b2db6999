/**
 * Phase 5 of `npm run seed:scale` (issue 14): emergency plans, their filings and drills, and five years of accidents and
 * near misses with what follows them, for every active scale enterprise, as their people and the regulators would
 * have left them by the seed day, in one transaction with its own app_settings marker (`seed_scale_emergency`). Rows
 * are generated here (a seeded generator, so two runs give the same figures) and written with
 * `insert … select from unnest(…)` in batches; seed data is not a user action, so no audit rows:
 * - plans (R-EMG-1): a comprehensive plan, one or two special plans and one to three on-site disposal plans per
 *   enterprise, in every state the workflow reaches — most filed (a third of the older ones revised once and filed
 *   again; a draft revision open in a few), some issued with filings pending or one returned, some signed, reviewed,
 *   under review or still drafts. Each version carries the review (评审 or 论证, as the `emergency` rule-set decides for
 *   the enterprise), the principal's password signature with the hash of exactly what plan.service.ts signs, its issue
 *   with the read receipts of the enterprise's accounts, and one filing per receiving office (the district's emergency
 *   management department and the departments supervising the industry) accepted with a receipt number or returned
 *   with reasons (some corrected and accepted in a second round); the history of every step;
 * - drills (R-EMG-2), `--history-years` before the year and the year itself: the yearly comprehensive or special drill
 *   (the principal organising most of them) and each issued on-site plan's half-yearly one (about one in nine missed),
 *   with participants from the roster, the evaluation, follow-up actions (closed when old), the report to the
 *   regulators in the sectors that must report, a few voided or not yet evaluated;
 * - accidents and near misses (R-ACC-1…3) over five years up to the seed day, at district-wide rates (about 3 accidents
 *   and 12 near misses a year per hundred enterprises): the quick report (from the app or a post's QR code), the unit
 *   head's time (sometimes corrected with a reason), reporting up (a few after the hour: 迟报), the inbox row of every
 *   receiving office (the emergency department, the supervising departments, the subdistrict) mostly read, the
 *   district's upward forward, supplementary reports within the window, the grade computed by `gradeOf` with the
 *   district's `accidents` rule-set (its version kept) and the history; near misses are never graded nor sent up;
 * - the follow-up of reported accidents: the interview of the principal (R-RESP-8; an accident reported before the
 *   previous one's interview is merged into it), the investigation decided by the district (entrusted to the enterprise
 *   when nobody was hurt, the higher level for 较大 and above), concluded for the older ones with causes, lessons and
 *   corrective actions; the insurer's notice where a 安责险 policy covered the day; a few 漏报 findings.
 * The obligation occurrences these records fulfil (filing, drills, interview, investigation decision) are not seeded.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../platform/db/database';
import { systemScope } from '../platform/db/scope';
import { currentRulesByDistrict } from '../platform/rules';
import { contentHash } from '../platform/signatures';
import { addLocalDays, LOCAL_OFFSET_SQL, localDay } from '../platform/time';
import type { AccidentGrade, AccidentType } from '../platform/db/schema/accidents';
import { enterpriseAttributesIn } from '../modules/org';
import { emergencyRequirements, type EmergencyRequirements } from '../modules/emergency/emergency.requirements';
import { EMERGENCY_RULES } from '../modules/emergency/emergency.rule-sets';
import { forwardLevelOf, gradeOf, supplementWindowDays } from '../modules/accidents/reports/accident-grading.rules';
import { ACCIDENT_RULES, type AccidentRules } from '../modules/accidents/reports/accidents.rule-sets';
import { EMERGENCY_DEPARTMENT_CODE } from '../modules/accidents/reports/accident.repository';
import { rng, type Rng } from './seed-scale-competence';
import { printCounts, seedPhase, unnestInsert } from './seed-scale-phase';

export const SCALE_EMERGENCY_MARKER = 'seed_scale_emergency';
/** Years of accidents and near misses, the year of the seed included. */
export const ACCIDENT_YEARS = 5;
/** Per enterprise and year (R-ACC: accidents are rare; near misses several times more frequent). */
const ACCIDENT_RATE = 0.03;
const NEAR_MISS_RATE = 0.12;

type Args = { seed: number; year: number; historyYears: number };

export const EMERGENCY_TABLES = ['emergency_plans', 'emergency_plan_versions', 'emergency_plan_events', 'emergency_plan_receipts', 'emergency_plan_filings',
  'drills', 'drill_participants', 'drill_actions', 'drill_events', 'accidents', 'accident_supplements', 'accident_events', 'accident_recipients',
  'accident_interviews', 'accident_interview_accidents', 'accident_investigations', 'accident_actions', 'accident_reporting_findings',
  'accident_insurance_notices'] as const;

export async function emergencyCounts(db: Executor): Promise<Record<string, number>> {
  const r = await sql<Record<string, number>>`select ${sql.join(EMERGENCY_TABLES.map((t) => sql`(select count(*)::int from ${sql.table(t)}) as ${sql.ref(t)}`))},
    (select count(*)::int from accidents where kind = 'accident') as accidents_proper, (select count(*)::int from accidents where kind = 'near_miss') as near_misses,
    (select count(*)::int from signatures) as signatures`.execute(db);
  return r.rows[0]!;
}

type Ent = {
  id: string; name: string; district_id: string; subdistrict_id: string; industry_code: string; principal_name: string;
  principal: string; principal_emp: string; safety: string; safety_emp: string; safety_name: string;
};
type Post = { id: string; name: string; org_unit_id: string; org_unit_name: string };
type Offices = { emergency: Map<string, string>; industry: Map<string, string[]>; officer: Map<string, string>; deptName: Map<string, string>; admin: Map<string, string> };

const MINUTE = 60_000;
const DAY = 86_400_000;
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

// ---- texts ----

const SPECIAL_PLANS: Record<string, string[]> = {
  hazardous_chemicals: ['危险化学品泄漏事故专项应急预案', '火灾爆炸事故专项应急预案'], fireworks: ['火药爆炸事故专项应急预案'], civil_explosives: ['爆炸事故专项应急预案'],
  gas: ['燃气泄漏事故专项应急预案'], construction: ['坍塌事故专项应急预案', '高处坠落事故专项应急预案'], non_coal_mining: ['透水事故专项应急预案', '冒顶片帮事故专项应急预案'],
  metal_smelting: ['高温熔融金属喷溅事故专项应急预案', '煤气中毒事故专项应急预案'], road_transport: ['道路运输事故专项应急预案'],
};
const GENERIC_SPECIAL = ['火灾事故专项应急预案', '特种设备事故专项应急预案', '有限空间作业事故专项应急预案', '自然灾害专项应急预案'];
const ONSITE_PLANS = ['触电事故现场处置方案', '机械伤害事故现场处置方案', '火灾事故现场处置方案', '高处坠落事故现场处置方案', '中毒窒息事故现场处置方案',
  '物体打击事故现场处置方案', '灼烫事故现场处置方案', '起重伤害事故现场处置方案'];
const EXPERTS = ['李建华', '王志强', '张丽萍', '陈国栋', '刘明远', '杨海燕', '赵德明', '周文军'];
const EXPERT_ORGS = ['昆明理工大学', '云南省安全生产专家库', '昆明市消防救援支队', '云南安信安全技术服务有限公司'];
const REVISION_CAUSES = ['organisation', 'law', 'risks', 'resources', 'drill'] as const;
const REVISION_NOTES: Record<(typeof REVISION_CAUSES)[number], string> = {
  organisation: '机构调整，应急指挥部成员变更', law: '《生产安全事故应急预案管理办法》修订后相应调整', risks: '新增生产线，风险辨识结果变化',
  resources: '应急物资和救援队伍调整', drill: '演练评估发现处置程序需完善',
};
/** GB 6441 types weighted as accidents in the district's industries happen (machinery, falls and struck-by most often). */
const TYPES: [AccidentType, number][] = [['machinery', 18], ['object_strike', 14], ['fall_from_height', 14], ['vehicle', 10], ['lifting', 6], ['electrocution', 5],
  ['scald', 5], ['fire', 6], ['collapse', 4], ['poisoning_asphyxia', 4], ['other_explosion', 2], ['vessel_explosion', 1], ['drowning', 1], ['other_injury', 10]];
const TYPE_TEXT: Partial<Record<AccidentType, string>> = {
  machinery: '设备运转中清理物料，手部被卷入', object_strike: '高处物料坠落砸伤作业人员', fall_from_height: '作业人员在平台作业时坠落', vehicle: '厂内车辆倒车时刮碰人员',
  lifting: '吊装作业中吊物摆动碰撞人员', electrocution: '检修时未断电，作业人员触电', scald: '蒸汽管道法兰泄漏烫伤人员', fire: '仓库电气线路短路引发火灾',
  collapse: '堆垛倒塌压伤人员', poisoning_asphyxia: '有限空间作业未检测气体，人员中毒', other_explosion: '粉尘收集设施发生爆燃', vessel_explosion: '储气罐超压破裂',
  drowning: '人员清理水池时落水', other_injury: '作业人员滑倒扭伤',
};
const NEAR_MISS_TEXT = ['叉车转弯时险些撞到行人', '脚手架扣件松动，及时发现未坠落', '配电箱冒烟，及时断电未起火', '吊装钢丝绳断股，吊物落地未伤人',
  '可燃气体报警器报警，及时处置未泄漏', '防护罩未复位，开机前被发现', '高处作业安全带未挂，班组长及时制止', '储罐液位超高报警，及时停泵'];
const PLACES = ['一车间', '二车间', '仓库', '装卸区', '配电房', '锅炉房', '厂区道路', '施工现场'];

function pickWeighted<T>(r: Rng, list: [T, number][]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1]![0];
}

// ---- plans ----

type PlanSeed = { enterprise_id: string; id: string; kind: 'comprehensive' | 'special' | 'onsite'; title: string; issued_at: Date | null };

type PlanRows = {
  plans: unknown[][]; versions: unknown[][]; events: unknown[][]; receipts: unknown[][]; filings: unknown[][]; signatures: unknown[][]; issued: PlanSeed[];
};

/** The content of a version as plan.service.ts signs it (`signedContent`), without files. */
function planContent(e: Ent, plan: { id: string; kind: string; title: string }, v: Record<string, unknown>) {
  return {
    enterpriseId: e.id, plan: plan.id, kind: plan.kind, title: plan.title, version: v.number,
    sections: { scope: v.scope, organisation: v.organisation, responseLevels: v.responseLevels, procedures: v.procedures, resources: v.resources, body: '' },
    covers: { riskPoints: [], posts: [...(v.postIds as string[])].sort() }, rescueOrganisation: v.rescueOrganisation, contacts: v.contacts,
    review: { mode: v.reviewMode, reviewers: v.reviewers, reviewedOn: v.reviewedOn, conclusion: v.reviewConclusion, opinions: v.reviewOpinions },
    files: [],
  };
}

/**
 * One plan through its life cycle: each version created, submitted, reviewed, signed, issued and filed up to the state
 * drawn for it, with its events, receipts, filings and signature, the times in order and never after `now`.
 */
function planOf(r: Rng, out: PlanRows, e: Ent, o: Offices, req: EmergencyRequirements, kind: PlanSeed['kind'], title: string, post: Post | undefined,
  asOf: string, now: Date): void {
  const id = randomUUID();
  const at = (day: string, minute: number) => new Date(Math.min(now.getTime(), new Date(`${day}T00:00:00+08:00`).getTime() + minute * MINUTE));
  const x = r.next();
  // The state it ends in; older plans were revised once (their second version filed, or a revision in draft).
  const drawn = x < 0.70 ? 'filed' : x < 0.77 ? 'issued_pending' : x < 0.81 ? 'issued_returned' : x < 0.84 ? 'signed' : x < 0.87 ? 'reviewed'
    : x < 0.91 ? 'reviewing' : x < 0.96 ? 'draft' : 'revising';
  const offices = [...new Set([o.emergency.get(e.district_id), ...(o.industry.get(`${e.district_id}/${e.industry_code}`) ?? [])].filter((d): d is string => !!d))];
  // A plan is issued only where it can be filed (the district has an emergency management department or a supervisor).
  const target = offices.length || ['draft', 'reviewing', 'reviewed', 'signed'].includes(drawn) ? drawn : 'signed';
  const mature = target === 'filed' || target === 'revising';
  let day = mature ? addLocalDays(asOf, -r.int(200, 2400)) : addLocalDays(asOf, -r.int(5, 120));
  const created = at(day, 9 * 60 + r.int(0, 120));
  let status = 'draft';
  let rowVersion = 1;
  let last = created;
  let issuedAt: Date | null = null;
  let firstIssued: Date | null = null;
  let filedVersion: number | null = null;
  const ev = (versionNo: number, op: string, from: string | null, to: string, actor: string, when: Date, note = '') => {
    out.events.push([e.id, randomUUID(), id, versionNo, op, from, to, actor, when, note]);
    if (op !== 'create') rowVersion++;
    last = when;
  };
  ev(1, 'create', null, 'draft', e.safety, created, title);
  const versionCount = target === 'revising' || (target === 'filed' && day < addLocalDays(asOf, -1100) && r.chance(0.5)) ? 2 : 1;
  for (let n = 1; n <= versionCount; n++) {
    const final = n === versionCount;
    const goal = final ? target : 'filed';
    let vCreated = created;
    const v: Record<string, unknown> = {
      number: n, scope: `本预案适用于${e.name}${kind === 'onsite' ? post?.org_unit_name ?? '' : ''}发生的${title.replace(/(专项|综合)?应急预案|现场处置方案/g, '')}的应急处置。`,
      organisation: '应急指挥部：总指挥由主要负责人担任，副总指挥由分管安全负责人担任，下设现场处置组、警戒疏散组、医疗救护组、后勤保障组。',
      responseLevels: kind === 'onsite' ? '' : '按事故危害程度、影响范围分为一级、二级、三级响应。', procedures: '发现险情立即报告，启动响应，组织现场处置和人员疏散，必要时请求外部救援。',
      resources: '应急物资库配备灭火器、正压式空气呼吸器、急救箱、警戒带等。', postIds: kind === 'onsite' && post ? [post.id] : [],
      rescueOrganisation: req.rescueOrganisation === 'not_required' ? '' : '本单位应急救援队', contacts: `主要负责人 ${e.principal_name}；安全管理 ${e.safety_name}；火警 119；急救 120`,
      reviewMode: null, reviewers: [], reviewedOn: null, reviewConclusion: null, reviewOpinions: '',
    };
    const row: Record<string, unknown> = {
      revision_cause: null, revision_note: '', content_sha256: null, signature_id: null, signed_by: null, signed_at: null, distribution: [], issued_at: null, issued_by: null,
    };
    if (n > 1) {
      const cause = r.pick(REVISION_CAUSES);
      row.revision_cause = cause;
      row.revision_note = REVISION_NOTES[cause];
      // Revised a year or more after the first filing (R-EMG-1: law, organisation, risks, resources, a drill's findings).
      ev(n, 'revise', status, 'draft', e.safety, new Date(Math.max(last.getTime() + DAY, Math.min(now.getTime() - 150 * DAY, last.getTime() + r.int(400, 1000) * DAY))));
      status = 'draft';
      vCreated = last;
    }
    const step = (days: number) => {
      day = addLocalDays(localDay(last), days);
      return at(day, 9 * 60 + r.int(0, 8 * 60));
    };
    const reached = (s: string) => ['draft', 'reviewing', 'reviewed', 'signed', 'issued_pending', 'issued_returned', 'filed'].indexOf(goal) >= ['draft', 'reviewing', 'reviewed', 'signed', 'issued_pending', 'issued_returned', 'filed'].indexOf(s);
    if (!(final && goal === 'revising') && reached('reviewing')) {
      v.reviewMode = req.planReview;
      ev(n, 'submit', 'draft', 'reviewing', e.safety, step(r.int(3, 20)));
      status = 'reviewing';
    }
    if (!(final && goal === 'revising') && reached('reviewed')) {
      const when = step(r.int(5, 25));
      v.reviewers = [0, 1, 2].map(() => ({ name: r.pick(EXPERTS), organisation: r.pick(EXPERT_ORGS), expert: true }));
      v.reviewedOn = localDay(when);
      v.reviewConclusion = r.chance(0.7) ? 'passed' : 'passed_with_changes';
      v.reviewOpinions = v.reviewConclusion === 'passed' ? '预案要素齐全，内容符合要求，同意通过。' : '同意通过，建议完善应急物资清单和通讯联络方式。';
      ev(n, 'record_review', 'reviewing', 'reviewed', e.safety, when, v.reviewOpinions as string);
      status = 'reviewed';
    }
    if (!(final && goal === 'revising') && reached('signed')) {
      const when = step(r.int(1, 7));
      const sigId = randomUUID();
      const hash = contentHash(planContent(e, { id, kind, title }, v));
      out.signatures.push([e.id, sigId, 'emergency_plan', id, n, hash, e.principal, e.principal_emp, e.principal_name, 'password', null, null, '手机', when]);
      Object.assign(row, { content_sha256: hash, signature_id: sigId, signed_by: e.principal, signed_at: when });
      ev(n, 'sign', 'reviewed', 'signed', e.principal, when);
      status = 'signed';
    }
    if (!(final && goal === 'revising') && reached('issued_pending')) {
      const when = step(r.int(1, 10));
      row.distribution = [{ name: '安全环保部', kind: 'unit' }, { name: '各车间、班组', kind: 'unit' },
        ...(req.rescueOrganisation === 'not_required' ? [] : [{ name: '本单位应急救援队', kind: 'rescue_team' }])];
      row.issued_at = when;
      row.issued_by = e.safety;
      issuedAt = when;
      firstIssued ??= when;
      ev(n, 'issue', 'signed', 'issued', e.safety, when);
      status = 'issued';
      for (const u of [e.principal, e.safety]) out.receipts.push([e.id, id, n, u, r.chance(0.9) ? plus(when, r.int(10, 5 * 24 * 60)) : null, when]);
      // R-EMG-1: filed within 20 working days of the issue, with every receiving office at once.
      const filedAt = step(r.int(2, 20));
      ev(n, 'file', 'issued', 'issued', e.safety, filedAt);
      const returnedOne = goal === 'issued_returned' ? r.int(0, offices.length - 1) : -1;
      const secondRound = goal === 'filed' && r.chance(0.1) ? r.int(0, offices.length - 1) : -1;
      let lastDecision = filedAt;
      let refiledAt: Date | null = null;
      const cap = (ms: number) => new Date(Math.min(now.getTime(), ms));
      offices.forEach((dep, i) => {
        const officer = o.officer.get(dep) ?? null;
        const decided = cap(filedAt.getTime() + r.int(1, 10) * DAY + r.int(0, 480) * MINUTE);
        const receipt = `BA${localDay(decided).slice(0, 4)}${String(r.int(1, 99_999)).padStart(5, '0')}`;
        if (goal === 'issued_pending' || (goal === 'issued_returned' && i !== returnedOne && r.chance(0.5))) {
          out.filings.push([e.id, randomUUID(), id, n, dep, 'pending', filedAt, e.safety, 1, null, null, null, null, 1, filedAt, filedAt]);
        } else if (i === returnedOne) {
          out.filings.push([e.id, randomUUID(), id, n, dep, 'returned', filedAt, e.safety, 1, null, '预案未附评审意见及修改说明，请补充后重新报备。', officer, decided, 2, filedAt, decided]);
        } else if (i === secondRound) {
          // Returned once, corrected and filed again (refile), then accepted.
          refiledAt = cap(decided.getTime() + r.int(2, 8) * DAY);
          const accepted = cap(refiledAt.getTime() + r.int(1, 5) * DAY);
          out.filings.push([e.id, randomUUID(), id, n, dep, 'accepted', refiledAt, e.safety, 2, receipt, null, officer, accepted, 4, filedAt, accepted]);
          if (accepted > lastDecision) lastDecision = accepted;
        } else {
          out.filings.push([e.id, randomUUID(), id, n, dep, 'accepted', filedAt, e.safety, 1, receipt, null, officer, decided, 2, filedAt, decided]);
          if (decided > lastDecision) lastDecision = decided;
        }
      });
      if (refiledAt) ev(n, 'refile', 'issued', 'issued', e.safety, refiledAt);
      if (goal === 'filed') {
        ev(n, 'filed', 'issued', 'filed', o.officer.get(offices[0]!) ?? e.safety, lastDecision);
        status = 'filed';
        filedVersion = n;
      }
    }
    out.versions.push([e.id, id, n, v.scope, v.organisation, v.responseLevels, v.procedures, v.resources, '', '[]', JSON.stringify(v.postIds), v.rescueOrganisation, v.contacts,
      row.revision_cause, row.revision_note, v.reviewMode, JSON.stringify(v.reviewers), v.reviewedOn, v.reviewConclusion, v.reviewOpinions, row.content_sha256, row.signature_id,
      row.signed_by, row.signed_at, JSON.stringify(row.distribution), row.issued_at, row.issued_by, e.safety, vCreated, last]);
  }
  // A revision opened in a filed plan: the plan is a draft again at the new version, its filed version kept.
  out.plans.push([e.id, id, kind, title, status, versionCount, issuedAt, e.safety, rowVersion, created, last, filedVersion]);
  if (firstIssued) out.issued.push({ enterprise_id: e.id, id, kind, title, issued_at: firstIssued });
}

// ---- drills ----

type DrillRows = { drills: unknown[][]; events: unknown[][]; actions: unknown[][] };

const SCENARIOS: Record<string, string> = { comprehensive: '综合应急演练：厂区发生火灾并有人员被困', special: '专项应急演练', onsite: '现场处置演练' };

function drillOf(r: Rng, out: DrillRows, e: Ent, req: EmergencyRequirements, plan: PlanSeed, day: string, asOf: string, now: Date): void {
  const id = randomUUID();
  const start = new Date(Math.min(now.getTime() - 4 * 60 * MINUTE, new Date(`${day}T00:00:00+08:00`).getTime() + (9 * 60 + r.int(0, 360)) * MINUTE));
  const end = plus(start, r.int(40, 180));
  const yearly = plan.kind !== 'onsite';
  const principalLed = yearly && r.chance(0.75);
  // The principal records his own drill, or confirms later the one a safety manager recorded.
  const recordedBy = principalLed && r.chance(0.5) ? e.principal : e.safety;
  const cap = (d: Date) => (d > now ? now : d);
  const recorded = cap(plus(end, r.int(30, 3 * 24 * 60)));
  const confirmed = principalLed ? (recordedBy === e.principal ? recorded : cap(plus(recorded, r.int(60, 3 * 24 * 60)))) : null;
  const ageDays = (now.getTime() - start.getTime()) / DAY;
  const ev = (op: string, from: string | null, to: string, actor: string, when: Date, note = '') => out.events.push([e.id, id, op, from, to, actor, when, note]);
  ev('record', null, 'recorded', recordedBy, recorded, `${plan.title.slice(0, 60)}演练`);
  if (confirmed && recordedBy !== e.principal) ev('confirmPrincipal', 'recorded', 'recorded', e.principal, confirmed);
  let status = 'recorded';
  let version = 1 + (confirmed && recordedBy !== e.principal ? 1 : 0);
  let updated = confirmed && confirmed > recorded ? confirmed : recorded;
  let evaluated: Date | null = null;
  let reported: Date | null = null;
  let voided: Date | null = null;
  const problems = r.chance(0.5) ? '部分人员对疏散路线不熟悉，应急广播音量不足。' : '';
  if (r.chance(0.01)) {
    voided = cap(plus(recorded, r.int(60, 2 * 24 * 60)));
    ev('void', 'recorded', 'voided', e.safety, voided, '重复登记');
    status = 'voided';
    version++;
    updated = voided;
  } else if (ageDays > 20 || r.chance(0.5)) {
    evaluated = cap(plus(updated, r.int(60, 5 * 24 * 60)));
    ev('evaluate', 'recorded', 'evaluated', e.safety, evaluated);
    status = 'evaluated';
    version++;
    updated = evaluated;
    if (problems) {
      const due = addLocalDays(localDay(evaluated), r.int(15, 45));
      const done = due < asOf && r.chance(0.9);
      const doneAt = done ? new Date(evaluated.getTime() + Math.floor(r.next() * (new Date(`${due}T10:00:00+08:00`).getTime() - evaluated.getTime()))) : null;
      out.actions.push([e.id, randomUUID(), id, 0, '组织疏散路线专项培训，更换应急广播设备', e.safety_emp, due, done ? 'done' : 'open', done ? '已完成培训并更换设备' : null,
        done ? e.safety : null, doneAt, done ? 2 : 1, evaluated, doneAt ?? evaluated]);
    }
    if (req.reportDrills) {
      reported = cap(plus(evaluated, r.int(60, 3 * 24 * 60)));
      ev('report', 'evaluated', 'reported', e.safety, reported);
      status = 'reported';
      version++;
      updated = reported;
    }
  }
  const scenario = plan.kind === 'comprehensive' ? SCENARIOS.comprehensive! : `${plan.title.replace(/应急预案|现场处置方案/g, '')}${SCENARIOS[plan.kind]}`;
  out.drills.push([e.id, id, plan.id, plan.kind, r.chance(plan.kind === 'onsite' ? 0.8 : 0.7) ? 'practical' : 'tabletop', scenario, start, end, r.pick(PLACES),
    principalLed ? e.principal_emp : e.safety_emp, principalLed, confirmed, status, evaluated ? '响应迅速，各小组分工明确，处置程序符合预案要求。' : '', evaluated ? problems : '',
    evaluated ? problems !== '' && r.chance(0.2) : null, evaluated ? e.safety : null, evaluated, reported ? e.safety : null, reported,
    voided ? '重复登记' : null, voided ? e.safety : null, voided, recordedBy, version, recorded, updated]);
}

// ---- accidents ----

type AccRows = {
  accidents: unknown[][]; supplements: unknown[][]; events: unknown[][]; recipients: unknown[][]; interviews: unknown[][]; links: unknown[][];
  investigations: unknown[][]; actions: unknown[][]; findings: unknown[][];
};

type Figures = { deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string };

function drawFigures(r: Rng): Figures {
  const x = r.next();
  // Most accidents hurt one or two people; a few kill; 较大 and above are rare.
  const deaths = x < 0.90 ? 0 : x < 0.985 ? r.int(1, 2) : x < 0.998 ? r.int(3, 5) : r.int(10, 12);
  const serious = r.chance(0.6) ? r.int(0, 2) : r.chance(0.05) ? r.int(10, 14) : 0;
  const minor = r.int(0, 4);
  const yuan = r.chance(0.97) ? r.int(2_000, 900_000) : r.int(1_000_000, 12_000_000);
  return { deaths, missing: deaths >= 3 && r.chance(0.2) ? 1 : 0, seriousInjuries: serious, minorInjuries: minor, directLoss: `${yuan}.${String(r.int(0, 99)).padStart(2, '0')}` };
}

type Reported = { e: Ent; id: string; occurred: Date; received: Date; grade: AccidentGrade; casualties: boolean; summary: string };

function accidentOf(r: Rng, out: AccRows, e: Ent, o: Offices, posts: Post[], rules: { version: number; value: AccidentRules }, kind: 'accident' | 'near_miss',
  occurred: Date, now: Date, reportedUp: Reported[]): void {
  const id = randomUUID();
  const type: AccidentType = pickWeighted(r, TYPES);
  const post = posts.length ? r.pick(posts) : undefined;
  const qr = post !== undefined && r.chance(0.1);
  const reporter = qr ? null : r.chance(0.5) ? e.safety : e.principal;
  const reporterName = qr ? `${r.pick([...'王李张刘陈杨赵黄周吴'])}师傅` : reporter === e.principal ? e.principal_name : e.safety_name;
  // The quick report arrives minutes after the accident (the unit head informed then); a few gaps exceed the [cfg] 30 minutes.
  const arrived = new Date(Math.min(now.getTime(), occurred.getTime() + (r.chance(0.92) ? r.int(2, 28) : r.int(31, 120)) * MINUTE));
  let unitHead = arrived;
  const events: unknown[][] = [];
  const ev = (op: string, when: Date, actor: string | null, note: string, detail: unknown) => events.push([e.id, randomUUID(), id, op, when, actor, note, JSON.stringify(detail)]);
  ev('quick_report', arrived, reporter, reporterName, {});
  let version = 1;
  let updated = arrived;
  const place = post ? `${post.org_unit_name}` : r.pick(PLACES);
  const summary = kind === 'accident' ? `${place}${TYPE_TEXT[type] ?? '发生事故'}` : `${place}${r.pick(NEAR_MISS_TEXT)}`;
  if (kind === 'near_miss') {
    out.accidents.push([e.id, id, kind, occurred, place, summary, 0, 0, 0, 0, '0', null, unitHead, null, reporter, version, arrived, updated,
      type, post?.id ?? null, post?.org_unit_id ?? null, qr ? 'qr' : 'app', qr ? reporterName : '', qr ? `13${String(r.int(0, 999_999_999)).padStart(9, '0')}` : '', null, null, null, null, rules.version]);
    out.events.push(...events);
    return;
  }
  const final = drawFigures(r);
  const grade = gradeOf(final, rules.value.missingCountAsDeaths);
  // Supplements within the window: the first report knew less (R-ACC-3).
  const window = supplementWindowDays(type, rules.value);
  const windowOpen = occurred.getTime() + window * DAY > now.getTime();
  const nSupp = !windowOpen && r.chance(0.15) && (final.deaths + final.seriousInjuries + final.minorInjuries > 0 || Number(final.directLoss) > 50_000) ? r.int(1, 2) : 0;
  let first: Figures = final;
  const steps: Figures[] = [];
  if (nSupp) {
    first = { deaths: Math.max(0, final.deaths - 1), missing: final.missing, seriousInjuries: Math.max(0, final.seriousInjuries - 1), minorInjuries: final.minorInjuries,
      directLoss: (Number(final.directLoss) * 0.6).toFixed(2) };
    if (nSupp === 2) steps.push({ ...first, minorInjuries: first.minorInjuries + 1, directLoss: (Number(final.directLoss) * 0.8).toFixed(2) });
    steps.push(final);
  }
  // 8 % reported up after the hour (迟报); a few unit-head times corrected earlier, with a reason.
  if (r.chance(0.1) && arrived.getTime() - occurred.getTime() > 10 * MINUTE) {
    unitHead = plus(occurred, r.int(3, 9));
    const corrected = plus(arrived, r.int(20, 50));
    ev('unit_head_time', corrected, e.safety, '车间主任事发后即电话报告，快报补录时间较晚', { from: arrived, to: unitHead });
    version++;
    updated = corrected;
  }
  const received = new Date(Math.min(now.getTime(), unitHead.getTime() + (r.chance(0.92) ? r.int(15, 58) : r.int(65, 300)) * MINUTE));
  const upBy = r.chance(0.6) ? e.principal : e.safety;
  const emergency = o.emergency.get(e.district_id);
  const offices: [string, string][] = [...new Set([emergency, ...(o.industry.get(`${e.district_id}/${e.industry_code}`) ?? [])].filter((d): d is string => !!d))]
    .map((d) => ['department', d]);
  offices.push(['subdistrict', e.subdistrict_id]);
  ev('report_up', received, upBy, '', { offices: offices.map(([, x]) => x) });
  if (received > updated) updated = received;
  version++;
  for (const [k, office] of offices) {
    const reader = o.officer.get(office) ?? null;
    const read = reader && r.chance(0.95) ? new Date(Math.min(now.getTime(), received.getTime() + r.int(1, 240) * MINUTE)) : null;
    out.recipients.push([e.id, id, k, office, received, read, read ? reader : null]);
  }
  let before: AccidentGrade = gradeOf(first, rules.value.missingCountAsDeaths);
  let prev = first;
  steps.forEach((f, i) => {
    const when = new Date(Math.min(now.getTime(), occurred.getTime() + Math.floor((window * DAY * (i + 1)) / (steps.length + 1))));
    const after = gradeOf(f, rules.value.missingCountAsDeaths);
    const note = f.deaths > prev.deaths ? '重伤人员经抢救无效死亡' : '伤亡和损失统计更新';
    out.supplements.push([e.id, randomUUID(), id, when, f.deaths, f.missing, f.seriousInjuries, f.minorInjuries, f.directLoss, note, before, after, e.safety]);
    ev('supplement', when, e.safety, note, { gradeBefore: before, gradeAfter: after });
    before = after;
    prev = f;
    version++;
    if (when > updated) updated = when;
  });
  // The district forwards within two hours of receipt (a few later), to the level the grade requires.
  const forwarder = (emergency && o.officer.get(emergency)) ?? o.admin.get(e.district_id) ?? null;
  const forwarded = new Date(Math.min(now.getTime(), received.getTime() + (r.chance(0.95) ? r.int(10, 115) : r.int(125, 400)) * MINUTE));
  ev('forward', forwarded, forwarder, '', { level: forwardLevelOf(grade) });
  version++;
  if (forwarded > updated) updated = forwarded;
  out.accidents.push([e.id, id, kind, occurred, place, summary, final.deaths, final.missing, final.seriousInjuries, final.minorInjuries, final.directLoss, grade, unitHead, received,
    reporter, version, arrived, updated, type, post?.id ?? null, post?.org_unit_id ?? null, qr ? 'qr' : 'app', qr ? reporterName : '', qr ? `13${String(r.int(0, 999_999_999)).padStart(9, '0')}` : '',
    upBy, forwardLevelOf(grade), forwarded, forwarder, rules.version]);
  out.events.push(...events);
  reportedUp.push({ e, id, occurred, received, grade, casualties: final.deaths + final.missing + final.seriousInjuries + final.minorInjuries > 0, summary });
}

/** The interview (merging an accident reported before the previous one's interview), the investigation, its actions and findings. */
function followupOf(r: Rng, out: AccRows, o: Offices, list: Reported[], now: Date, asOf: string): void {
  list.sort((a, b) => (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : a.received.getTime() - b.received.getTime()));
  let open: { enterpriseId: string; id: string; held: Date; ids: string[] } | null = null;
  for (const a of list) {
    if (open && open.enterpriseId !== a.e.id) open = null;
    const e = a.e;
    const dep = o.industry.get(`${e.district_id}/${e.industry_code}`)?.[0] ?? o.emergency.get(e.district_id) ?? null;
    const officer = dep ? o.officer.get(dep) ?? null : null;
    if (open && a.received < open.held) {
      open.ids.push(a.id);
      out.links.push([e.id, open.id, a.id]);
    } else {
      const held = new Date(a.received.getTime() + r.int(3, 14) * DAY + r.int(0, 6 * 60) * MINUTE);
      // Not yet held when it would be after the seed day (the department's "due" list), and 5 % still missing.
      if (held < now && r.chance(0.95)) {
        const iid = randomUUID();
        const due = addLocalDays(localDay(held), 30);
        const done = due < asOf && r.chance(0.85) ? new Date(`${due}T16:00:00+08:00`) : null;
        out.interviews.push([e.id, iid, held, '区应急管理局三楼会议室', e.principal_name,
          JSON.stringify([{ name: '约谈人', role: '部门负责人', organisation: (dep && o.deptName.get(dep)) ?? '区应急管理局' },
            { name: e.principal_name, role: '主要负责人', organisation: e.name }, { name: e.safety_name, role: '安全管理人员', organisation: e.name }]),
          `就${a.summary.slice(0, 80)}约谈企业主要负责人，通报事故情况，指出安全管理存在的问题。`, '立即开展全员安全警示教育，全面排查同类隐患并限期整改。',
          '30日内报送整改情况。', due, done, done ? '已现场核查整改落实情况' : '', dep, officer, done ? 2 : 1, held, done ?? held]);
        out.links.push([e.id, iid, a.id]);
        open = { enterpriseId: e.id, id: iid, held, ids: [a.id] };
      } else open = null;
    }
    // The government's decision within 15 days of the report; concluded for the older ones.
    const decided = new Date(a.received.getTime() + r.int(1, 12) * DAY);
    if (decided > now) continue;
    const general = a.grade === 'general';
    const conductedBy = !general ? 'higher' : !a.casualties && r.chance(0.7) ? 'enterprise' : 'district';
    const yjj = o.emergency.get(e.district_id);
    const decider = (yjj && o.officer.get(yjj)) ?? o.admin.get(e.district_id) ?? null;
    const concludedAt = new Date(decided.getTime() + r.int(25, 80) * DAY);
    const concluded = concludedAt < now;
    const responsible = r.chance(0.75);
    const lessons = '举一反三，开展同类作业风险辨识，完善操作规程并组织全员培训。';
    out.investigations.push([e.id, a.id, conductedBy, conductedBy === 'enterprise' ? decided : null, conductedBy === 'enterprise' ? decider : null,
      JSON.stringify(conductedBy === 'enterprise' ? [{ name: e.safety_name, role: '组长', organisation: e.name }] : [{ name: '调查组组长', role: '组长', organisation: '区人民政府事故调查组' }]),
      concluded ? '作业人员违反操作规程' : '', concluded ? '安全防护设施缺失' : '', concluded ? '安全教育培训不到位，现场监督检查缺失' : '',
      JSON.stringify(concluded ? ['为何受伤？违章作业', '为何违章？未培训到位', '为何未培训？培训计划未落实'] : []),
      concluded ? responsible : null, '[]', conductedBy === 'higher' && concluded ? '上级调查组事故调查报告（摘要）：事故直接原因系违章作业，企业负有主要责任。' : '',
      concluded ? lessons : '', concluded ? concludedAt : null, concluded ? 'concluded' : 'open', concluded ? concludedAt : null, concluded ? decider : null, decider,
      concluded ? 3 : 1, decided, concluded ? concludedAt : decided]);
    if (concluded) {
      for (const [i, k] of (['corrective', 'preventive'] as const).entries()) {
        const due = addLocalDays(localDay(concludedAt), 30 + i * 30);
        const done = due < asOf && r.chance(0.85);
        const doneAt = done ? new Date(`${due}T15:00:00+08:00`) : null;
        out.actions.push([e.id, randomUUID(), a.id, k, k === 'corrective' ? '加装防护装置并设置联锁' : '修订岗位操作规程并组织培训考核', e.safety_emp, due, done ? 'done' : 'open',
          done ? '已完成并验收' : '', doneAt, done ? e.safety : null, decider, done ? 2 : 1, concludedAt, doneAt ?? concludedAt]);
      }
    }
    if (r.chance(0.02) && yjj) {
      const found = addLocalDays(localDay(a.received), r.int(3, 20));
      if (found <= asOf) out.findings.push([e.id, randomUUID(), a.id, 'omitted', '首报未报告一名轻伤人员，续报前已核实', found, yjj, null, decider, new Date(`${found}T11:00:00+08:00`)]);
    }
  }
}

// ---- the phase ----

async function officesOf(tx: Executor): Promise<Offices> {
  const deps = (await sql<{ id: string; district_id: string; code: string; name: string; officer: string | null }>`
    select d.id, d.district_id, d.code, d.name, (select u.id from users u where u.department_id = d.id and u.role = 'department_officer' and not u.disabled
      order by u.created_at, u.id limit 1) as officer from departments d`.execute(tx)).rows;
  const subs = (await sql<{ id: string; officer: string | null }>`select s.id, (select u.id from users u where u.subdistrict_id = s.id and u.role = 'subdistrict_officer'
      and not u.disabled order by u.created_at, u.id limit 1) as officer from subdistricts s`.execute(tx)).rows;
  const links = (await sql<{ department_id: string; industry_code: string; district_id: string; code: string }>`select di.department_id, di.industry_code, d.district_id, d.code
      from department_industries di join departments d on d.id = di.department_id order by d.code`.execute(tx)).rows;
  const admins = (await sql<{ id: string; district_id: string }>`select distinct on (district_id) id, district_id from users where role = 'district_admin' and not disabled
      and district_id is not null order by district_id, created_at, id`.execute(tx)).rows;
  const o: Offices = { emergency: new Map(), industry: new Map(), officer: new Map(), deptName: new Map(), admin: new Map(admins.map((a) => [a.district_id, a.id])) };
  for (const d of deps) {
    if (d.code === EMERGENCY_DEPARTMENT_CODE) o.emergency.set(d.district_id, d.id);
    if (d.officer) o.officer.set(d.id, d.officer);
    o.deptName.set(d.id, d.name);
  }
  for (const s of subs) if (s.officer) o.officer.set(s.id, s.officer);
  for (const l of links) {
    const k = `${l.district_id}/${l.industry_code}`;
    (o.industry.get(k) ?? o.industry.set(k, []).get(k)!).push(l.department_id);
  }
  return o;
}

const PLAN_COLUMNS: [string, string][] = [['enterprise_id', 'uuid'], ['id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['status', 'text'], ['current_version', 'int'],
  ['issued_at', 'timestamptz'], ['created_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['filed_version', 'int']];
const VERSION_COLUMNS: [string, string][] = [['enterprise_id', 'uuid'], ['plan_id', 'uuid'], ['number', 'int'], ['scope', 'text'], ['organisation', 'text'],
  ['response_levels', 'text'], ['procedures', 'text'], ['resources', 'text'], ['body', 'text'], ['risk_point_ids', 'jsonb'], ['post_ids', 'jsonb'],
  ['rescue_organisation', 'text'], ['contacts', 'text'], ['revision_cause', 'text'], ['revision_note', 'text'], ['review_mode', 'text'], ['reviewers', 'jsonb'],
  ['reviewed_on', 'date'], ['review_conclusion', 'text'], ['review_opinions', 'text'], ['content_sha256', 'text'], ['signature_id', 'uuid'], ['signed_by', 'uuid'],
  ['signed_at', 'timestamptz'], ['distribution', 'jsonb'], ['issued_at', 'timestamptz'], ['issued_by', 'uuid'], ['created_by', 'uuid'], ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz']];
const SIGNATURE_COLUMNS: [string, string][] = [['enterprise_id', 'uuid'], ['id', 'uuid'], ['document_type', 'text'], ['document_id', 'text'], ['document_version', 'int'],
  ['content_sha256', 'text'], ['signer_user_id', 'uuid'], ['signer_employee_id', 'uuid'], ['signer_name', 'text'], ['method', 'text'], ['image_attachment_id', 'uuid'],
  ['operator_user_id', 'uuid'], ['device', 'text'], ['signed_at', 'timestamptz']];

async function writePlans(tx: Executor, p: PlanRows): Promise<void> {
  await unnestInsert(tx, 'emergency_plans', PLAN_COLUMNS, p.plans);
  await unnestInsert(tx, 'signatures', SIGNATURE_COLUMNS, p.signatures);
  await unnestInsert(tx, 'emergency_plan_versions', VERSION_COLUMNS, p.versions);
  await unnestInsert(tx, 'emergency_plan_events', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['plan_id', 'uuid'], ['version_no', 'int'], ['op', 'text'], ['from_status', 'text'],
    ['to_status', 'text'], ['actor_id', 'uuid'], ['at', 'timestamptz'], ['note', 'text']], p.events);
  await unnestInsert(tx, 'emergency_plan_receipts', [['enterprise_id', 'uuid'], ['plan_id', 'uuid'], ['version_no', 'int'], ['user_id', 'uuid'], ['read_at', 'timestamptz'],
    ['created_at', 'timestamptz']], p.receipts);
  await unnestInsert(tx, 'emergency_plan_filings', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['plan_id', 'uuid'], ['version_no', 'int'], ['department_id', 'uuid'],
    ['status', 'text'], ['submitted_at', 'timestamptz'], ['submitted_by', 'uuid'], ['rounds', 'int'], ['receipt_no', 'text'], ['return_reason', 'text'], ['decided_by', 'uuid'],
    ['decided_at', 'timestamptz'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], p.filings);
}

async function writeDrills(tx: Executor, d: DrillRows): Promise<void> {
  await unnestInsert(tx, 'drills', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['plan_id', 'uuid'], ['plan_kind', 'text'], ['form', 'text'], ['scenario', 'text'],
    ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['place', 'text'], ['organiser_employee_id', 'uuid'], ['by_principal', 'bool'],
    ['principal_confirmed_at', 'timestamptz'], ['status', 'text'], ['went_well', 'text'], ['problems', 'text'], ['plan_needs_revision', 'bool'], ['evaluated_by', 'uuid'],
    ['evaluated_at', 'timestamptz'], ['reported_by', 'uuid'], ['reported_at', 'timestamptz'], ['void_reason', 'text'], ['voided_by', 'uuid'], ['voided_at', 'timestamptz'],
    ['recorded_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], d.drills);
  await unnestInsert(tx, 'drill_events', [['enterprise_id', 'uuid'], ['drill_id', 'uuid'], ['op', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['actor_id', 'uuid'],
    ['at', 'timestamptz'], ['note', 'text']], d.events);
  await unnestInsert(tx, 'drill_actions', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['drill_id', 'uuid'], ['sort', 'int'], ['content', 'text'], ['owner_employee_id', 'uuid'],
    ['due_on', 'date'], ['status', 'text'], ['done_note', 'text'], ['done_by', 'uuid'], ['done_at', 'timestamptz'], ['version', 'int'], ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz']], d.actions);
}

async function writeAccidents(tx: Executor, a: AccRows): Promise<void> {
  await unnestInsert(tx, 'accidents', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['kind', 'text'], ['occurred_at', 'timestamptz'], ['place', 'text'], ['summary', 'text'],
    ['deaths', 'int'], ['missing', 'int'], ['serious_injuries', 'int'], ['minor_injuries', 'int'], ['direct_loss', 'numeric'], ['grade', 'text'],
    ['unit_head_informed_at', 'timestamptz'], ['regulators_received_at', 'timestamptz'], ['reported_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'], ['accident_type', 'text'], ['post_id', 'uuid'], ['org_unit_id', 'uuid'], ['source', 'text'], ['reporter_name', 'text'],
    ['reporter_phone', 'text'], ['reported_up_by', 'uuid'], ['forward_level', 'text'], ['forwarded_at', 'timestamptz'], ['forwarded_by', 'uuid'], ['rules_version', 'int']], a.accidents);
  await unnestInsert(tx, 'accident_supplements', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['accident_id', 'uuid'], ['reported_at', 'timestamptz'], ['deaths', 'int'],
    ['missing', 'int'], ['serious_injuries', 'int'], ['minor_injuries', 'int'], ['direct_loss', 'numeric'], ['note', 'text'], ['grade_before', 'text'], ['grade_after', 'text'],
    ['recorded_by', 'uuid']], a.supplements);
  await unnestInsert(tx, 'accident_events', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['accident_id', 'uuid'], ['op', 'text'], ['at', 'timestamptz'], ['actor_id', 'uuid'],
    ['note', 'text'], ['detail', 'jsonb']], a.events);
  await unnestInsert(tx, 'accident_recipients', [['enterprise_id', 'uuid'], ['accident_id', 'uuid'], ['office_kind', 'text'], ['office_id', 'uuid'], ['received_at', 'timestamptz'],
    ['read_at', 'timestamptz'], ['read_by', 'uuid']], a.recipients);
  await unnestInsert(tx, 'accident_interviews', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['held_at', 'timestamptz'], ['place', 'text'], ['principal_name', 'text'],
    ['participants', 'jsonb'], ['record', 'text'], ['commitments', 'text'], ['follow_up', 'text'], ['follow_up_due', 'date'], ['follow_up_done_at', 'timestamptz'],
    ['follow_up_note', 'text'], ['department_id', 'uuid'], ['recorded_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], a.interviews);
  await unnestInsert(tx, 'accident_interview_accidents', [['enterprise_id', 'uuid'], ['interview_id', 'uuid'], ['accident_id', 'uuid']], a.links);
  await unnestInsert(tx, 'accident_investigations', [['enterprise_id', 'uuid'], ['accident_id', 'uuid'], ['conducted_by', 'text'], ['entrusted_at', 'timestamptz'],
    ['entrusted_by', 'uuid'], ['team', 'jsonb'], ['cause_direct', 'text'], ['cause_indirect', 'text'], ['cause_management', 'text'], ['five_whys', 'jsonb'],
    ['responsibility_accident', 'bool'], ['person_findings', 'jsonb'], ['higher_report', 'text'], ['lessons', 'text'], ['lessons_published_at', 'timestamptz'],
    ['status', 'text'], ['concluded_at', 'timestamptz'], ['concluded_by', 'uuid'], ['created_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz']], a.investigations);
  await unnestInsert(tx, 'accident_actions', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['accident_id', 'uuid'], ['kind', 'text'], ['content', 'text'], ['owner_employee_id', 'uuid'],
    ['due_on', 'date'], ['status', 'text'], ['done_note', 'text'], ['done_at', 'timestamptz'], ['done_by', 'uuid'], ['created_by', 'uuid'], ['version', 'int'],
    ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], a.actions);
  await unnestInsert(tx, 'accident_reporting_findings', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['accident_id', 'uuid'], ['kind', 'text'], ['description', 'text'],
    ['found_on', 'date'], ['department_id', 'uuid'], ['subdistrict_id', 'uuid'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz']], a.findings);
}

/** Plans, drills, accidents and their follow-up for the active enterprises `where` selects (with their two accounts); returns a summary. */
export async function seedEmergencyOf(tx: Executor, args: Args, where: ReturnType<typeof sql>, asOf: string, now: Date) {
  const s = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  let t = performance.now();
  const ents = (await sql<Ent>`
    select e.id, e.name, e.district_id, e.subdistrict_id, e.industry_code, pe.name as principal_name, p.id as principal, p.employee_id as principal_emp,
           m.id as safety, m.employee_id as safety_emp, me.name as safety_name
      from enterprises e
      join users p on p.username = 'p' || e.credit_code and p.enterprise_id = e.id
      join employees pe on pe.enterprise_id = e.id and pe.id = p.employee_id
      join users m on m.username = 's' || e.credit_code and m.enterprise_id = e.id
      join employees me on me.enterprise_id = e.id and me.id = m.employee_id
     where ${where} and e.status = 'active' order by e.id`.execute(tx)).rows;
  const o = await officesOf(tx);
  const emergencyRules = await currentRulesByDistrict(tx, EMERGENCY_RULES);
  const accidentRules = await currentRulesByDistrict(tx, ACCIDENT_RULES);
  const attrs = new Map((await enterpriseAttributesIn(tx, systemScope)).map((a) => [a.enterpriseId, a]));
  const r = rng(args.seed + 14);
  const summary = { enterprises: ents.length, plans: 0, drills: 0, accidents: 0, nearMisses: 0 };
  const drillStart = `${args.year - args.historyYears}-01-01`;
  const accidentStart = new Date(`${args.year - ACCIDENT_YEARS + 1}-01-01T00:00:00+08:00`).getTime();
  const span = now.getTime() - accidentStart;
  const reportedUp: Reported[] = [];
  const acc: AccRows = { accidents: [], supplements: [], events: [], recipients: [], interviews: [], links: [], investigations: [], actions: [], findings: [] };
  const CHUNK = 1_000;
  let drillTime = 0;
  for (let c = 0; c < ents.length; c += CHUNK) {
    const chunk = ents.slice(c, c + CHUNK);
    const posts = (await sql<Post & { enterprise_id: string }>`select p.enterprise_id, p.id, p.name, p.org_unit_id, u.name as org_unit_name
      from posts p join org_units u on u.enterprise_id = p.enterprise_id and u.id = p.org_unit_id
     where p.enterprise_id = any(${chunk.map((e) => e.id)}::uuid[]) order by p.enterprise_id, p.name, p.id`.execute(tx)).rows;
    const postsOf = new Map<string, Post[]>();
    for (const p of posts) (postsOf.get(p.enterprise_id) ?? postsOf.set(p.enterprise_id, []).get(p.enterprise_id)!).push(p);
    const plans: PlanRows = { plans: [], versions: [], events: [], receipts: [], filings: [], signatures: [], issued: [] };
    const drills: DrillRows = { drills: [], events: [], actions: [] };
    for (const e of chunk) {
      const a = attrs.get(e.id);
      const rules = emergencyRules.get(e.district_id);
      if (!a || !rules) continue;
      const req = emergencyRequirements({ industryCode: a.industryCode, industryCategories: a.industryCategories, highRisk: a.highRisk, sizeClass: a.sizeClass,
        hazardousGoodsCarrier: a.hazardousGoodsCarrier, crowdedVenue: a.crowdedVenue }, rules.value);
      const ps = postsOf.get(e.id) ?? [];
      const specials = [...(SPECIAL_PLANS[e.industry_code] ?? []), ...GENERIC_SPECIAL].slice(0, 4);
      const before = plans.issued.length;
      planOf(r, plans, e, o, req, 'comprehensive', `${e.name}生产安全事故综合应急预案`, undefined, asOf, now);
      for (const title of specials.slice(0, r.int(1, 2))) planOf(r, plans, e, o, req, 'special', title, undefined, asOf, now);
      for (const title of [...ONSITE_PLANS].sort(() => r.next() - 0.5).slice(0, r.int(1, 3))) planOf(r, plans, e, o, req, 'onsite', title, ps.length ? r.pick(ps) : undefined, asOf, now);
      // Drills of the plans in force: the yearly comprehensive or special one, each on-site plan's half-yearly one (R-EMG-2).
      const issued = plans.issued.slice(before);
      const yearly = issued.filter((p) => p.kind !== 'onsite');
      for (let y = args.year - args.historyYears; y <= args.year; y++) {
        const inForce = yearly.filter((p) => localDay(p.issued_at!) <= `${y}-10-31`);
        if (inForce.length && r.chance(0.92)) {
          const from = [localDay(inForce[0]!.issued_at!), `${y}-03-01`, drillStart].sort()[2]!;
          const to = [`${y}-11-30`, addLocalDays(asOf, -1)].sort()[0]!;
          if (from <= to) drillOf(r, drills, e, req, r.pick(inForce), addLocalDays(from, r.int(0, Math.max(0, (Date.parse(to) - Date.parse(from)) / DAY))), asOf, now);
        }
        for (const half of [0, 1]) {
          const hs = half ? `${y}-07-01` : `${y}-01-01`;
          const he = [half ? `${y}-12-31` : `${y}-06-30`, addLocalDays(asOf, -1)].sort()[0]!;
          for (const p of issued.filter((x) => x.kind === 'onsite')) {
            const from = [localDay(p.issued_at!), hs].sort()[1]!;
            if (from > he || !r.chance(0.89)) continue;
            drillOf(r, drills, e, req, p, addLocalDays(from, r.int(0, Math.max(0, (Date.parse(he) - Date.parse(from)) / DAY))), asOf, now);
          }
        }
      }
      // Accidents and near misses over five years, each on a day of its own.
      const rulesA = accidentRules.get(e.district_id);
      if (!rulesA) continue;
      const nAcc = Math.floor(ACCIDENT_RATE * ACCIDENT_YEARS + r.next());
      const nNear = Math.floor(NEAR_MISS_RATE * ACCIDENT_YEARS + r.next());
      for (let i = 0; i < nAcc + nNear; i++) {
        const occurred = new Date(accidentStart + Math.floor(r.next() * (span - 6 * 60 * MINUTE)));
        accidentOf(r, acc, e, o, ps, rulesA, i < nAcc ? 'accident' : 'near_miss', occurred, now, reportedUp);
        if (i < nAcc) summary.accidents++;
        else summary.nearMisses++;
      }
    }
    await writePlans(tx, plans);
    const td = performance.now();
    await writeDrills(tx, drills);
    drillTime += performance.now() - td;
    summary.plans += plans.plans.length;
    summary.drills += drills.drills.length;
    if ((c / CHUNK) % 2 === 1) console.log(`    plans and drills of ${Math.min(c + CHUNK, ents.length)}/${ents.length} enterprises`);
  }
  console.log(`  plans, filings, drills  ${s(t)} (${summary.plans} plans, ${summary.drills} drills; drills written in ${(drillTime / 1000).toFixed(1)} s)`);
  // The people who took part in each drill: about one in four active people on the roster when it started (the organiser always).
  t = performance.now();
  await sql`insert into drill_participants (enterprise_id, drill_id, employee_id, sign_in, signed_at)
    select d.enterprise_id, d.id, m.id, case when abs(hashtext(m.id::text || d.id::text)) % 10 < 7 then 'manual' else 'qr' end, d.started_at
      from drills d join employees m on m.enterprise_id = d.enterprise_id and m.status = 'active' and (m.hire_date is null or m.hire_date <= d.started_at::date)
     where d.enterprise_id in (select id from enterprises e where ${where})
       and (m.id = d.organiser_employee_id or abs(hashtext(m.id::text || '/' || d.id::text)) % 1000 < 250)`.execute(tx);
  console.log(`  drill participants      ${s(t)}`);
  t = performance.now();
  followupOf(r, acc, o, reportedUp, now, asOf);
  await writeAccidents(tx, acc);
  // 安责险: the decision told the insurer of the policy confirmed for the accident's day (followup.service.ts notifyInsurerIn).
  await sql`insert into accident_insurance_notices (enterprise_id, accident_id, policy_id, institution_id, created_by, created_at)
    select v.enterprise_id, v.accident_id, p.id, p.institution_id, v.created_by, v.created_at
      from accident_investigations v join accidents a on a.enterprise_id = v.enterprise_id and a.id = v.accident_id
      cross join lateral (select p.id, p.institution_id from liability_policies p where p.enterprise_id = v.enterprise_id and p.status = 'confirmed'
        and p.starts_on <= (a.occurred_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date and p.ends_on >= (a.occurred_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date order by p.starts_on limit 1) p
     where v.enterprise_id in (select id from enterprises e where ${where})
    on conflict do nothing`.execute(tx);
  console.log(`  accidents, follow-up    ${s(t)} (${summary.accidents} accidents, ${summary.nearMisses} near misses, ${acc.interviews.length} interviews, ${acc.investigations.length} investigations)`);
  return summary;
}

/** Plans, filings, drills and five years of accidents of the scale enterprises, once (its own marker). */
export async function seedEmergency(db: Db, args: Args, where: string): Promise<void> {
  const done = await seedPhase(db, {
    marker: SCALE_EMERGENCY_MARKER, what: 'emergency plans, drills and accidents', where, year: args.year, printCounts: async () => printCounts(await emergencyCounts(db)),
    write: async (tx, { now, asOf }) => {
      const out = await seedEmergencyOf(tx, args, sql`e.credit_code like '91______MA%'`, asOf, now);
      return { year: args.year, asOf, accidentYears: ACCIDENT_YEARS, drillYears: args.historyYears + 1, ...out, createdAt: new Date().toISOString() };
    },
  });
  if (!done) return;
  const { value: summary, started, s } = done;
  const t = performance.now();
  await sql`analyze ${sql.join(EMERGENCY_TABLES.map((x) => sql.table(x)))}, signatures`.execute(db);
  console.log(`  analyze                 ${s(t)}`);
  console.log(`seed:scale: added emergency plans, drills and ${ACCIDENT_YEARS} years of accidents of ${summary.enterprises} enterprises (as of ${summary.asOf}) on ${where} in ${s(started)}`);
  printCounts(await emergencyCounts(db));
}
