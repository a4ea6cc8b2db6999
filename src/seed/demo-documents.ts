import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import { uploadSignatureImage } from '../platform/signatures';
import { addLocalDays, localDay, startOfLocalDay } from '../platform/time';
import { acknowledge, approveVersion, createDocument, createVersion, myAcknowledgements, publishVersion } from '../modules/management/documents/documents.service';
import { adopt, createLaw } from '../modules/management/documents/laws.service';
import { accountActor, seedCtx } from './demo-actors';
import { png } from './demo-images';

const HOUR_MS = 3_600_000;

type Seed = { kind: 'rule' | 'procedure' | 'post_procedure'; title: string; codes?: string[]; posts?: string[]; processes?: string; body: string };

const RULE_BODY = (title: string, duty: string) =>
  `第一章 总则\n第一条 为落实安全生产主体责任，依据《中华人民共和国安全生产法》，制定本${title}。\n第二条 本制度适用于公司全体从业人员（含劳务派遣、临时用工人员）。\n`
  + `第二章 职责\n第三条 主要负责人对本制度的建立和实施全面负责。\n第四条 安全管理部负责${duty}。\n第三章 附则\n第五条 本制度自发布之日起施行，每年至少评审一次。`;

/*
 * R-DOC-1, the demo chemical plant's document library, played through the service: eight rules that leave two of the
 * required rules (劳动防护用品管理制度, 变更管理制度) unwritten, and three operating procedures covering most posts
 * (登高架设作业人员 and the managers' posts are left without one). The principal approved each version with his
 * signature, the safety manager published them; the demo accounts acknowledged the first versions, and the
 * operators' procedure has a second version published yesterday that the demo worker has still to read on his phone.
 */
export async function seedDemoDocuments(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const principal = await accountActor(db, 'principal');
  const safety = await accountActor(db, 'safety');
  const postRows = await db.selectFrom('posts as p').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.name', 'u.name as unit']).where('p.enterprise_id', '=', eid).execute();
  const postsNamed = (...names: string[]) => postRows.filter((p) => names.includes(p.name)).map((p) => p.id);
  const allPosts = postRows.map((p) => p.id);
  const today = localDay(now);
  const start = addLocalDays(today, -60);
  const at = (day: string, hour: number) => new Date(startOfLocalDay(day).getTime() + hour * HOUR_MS);

  const docs: Seed[] = [
    { kind: 'rule', title: '安全生产责任制', codes: ['responsibility', 'commitment'], posts: allPosts, body: RULE_BODY('安全生产责任制', '组织全员安全生产责任清单的编制和考核') },
    { kind: 'rule', title: '安全风险分级管控和隐患排查治理制度', codes: ['risk_control', 'risk_warning', 'hazard_investigation', 'safety_inspection'], body: RULE_BODY('制度', '组织风险辨识评估、分级管控和隐患排查治理') },
    { kind: 'rule', title: '安全教育培训和考核制度', codes: ['training', 'special_operators'], body: RULE_BODY('制度', '编制年度培训计划并组织考核') },
    { kind: 'rule', title: '安全生产费用提取和使用管理制度', codes: ['safety_fee'], body: RULE_BODY('制度', '按财资〔2022〕136号提取和使用安全生产费用') },
    { kind: 'rule', title: '安全生产奖惩制度', codes: ['reward_penalty'], body: RULE_BODY('制度', '安全生产奖惩的考核和兑现') },
    { kind: 'rule', title: '生产安全事故应急预案管理和事故报告调查处理制度', codes: ['emergency_plan', 'accident_reporting'], body: RULE_BODY('制度', '应急预案的编制、评审、备案、演练和事故报告') },
    { kind: 'rule', title: '危险作业（特殊作业）安全管理制度', codes: ['hazardous_work'], body: RULE_BODY('制度', '动火、受限空间、盲板抽堵、高处、吊装、临时用电、动土、断路作业的许可管理') },
    { kind: 'rule', title: '重大危险源和危险化学品安全管理制度', codes: ['major_hazard_source', 'hazardous_goods'], body: RULE_BODY('制度', '重大危险源包保责任和危险化学品储存、使用管理') },
    {
      kind: 'post_procedure', title: '反应釜操作工岗位安全操作规程', posts: postsNamed('操作工'), processes: '加料、升温反应、出料、清釜',
      body: '一、开车前检查\n1. 检查反应釜压力表、温度计、安全阀完好。\n2. 检查搅拌、冷却水正常。\n二、加料\n3. 按配方顺序加料，严禁超量。\n三、停车\n4. 降温降压后方可出料。',
    },
    {
      kind: 'post_procedure', title: '维修电工、焊工岗位安全操作规程', posts: postsNamed('电工', '焊工'), processes: '电气检修、动火焊接',
      body: '一、持证上岗\n1. 特种作业操作证在有效期内。\n二、作业\n2. 停电、验电、挂牌上锁。\n3. 动火作业须办理动火作业许可证并设专人监护。',
    },
    {
      kind: 'procedure', title: '厂内叉车安全操作规程', posts: postsNamed('叉车司机'), processes: '原料和成品装卸、搬运',
      body: '1. 出车前检查制动、转向、喇叭、灯光。\n2. 厂内限速 5 公里/小时，严禁载人。\n3. 货叉离地不超过 30 厘米行驶。',
    },
  ];

  let n = 0;
  const sign = async (day: string, seed: number) => {
    const ctx = seedCtx(principal, at(day, 9));
    return { method: 'pad' as const, imageAttachmentId: (await uploadSignatureImage(db, ctx, eid, png(300, 100, 200 + seed))).id, device: '主要负责人手机' };
  };
  let operators: { id: string } | null = null;
  for (const [i, d] of docs.entries()) {
    const day = addLocalDays(start, i);
    const created = await createDocument(db, seedCtx(safety, at(day, 8)), eid, {
      kind: d.kind, title: d.title, requiredCodes: d.codes ?? [], processes: d.processes ?? '', postIds: d.posts ?? [], body: d.body, effectiveOn: day, changeNote: '首次发布',
    });
    const v = created.versions[0]!.id;
    await approveVersion(db, seedCtx(principal, at(day, 9)), eid, created.id, v, await sign(day, i));
    await publishVersion(db, seedCtx(safety, at(day, 10)), eid, created.id, v);
    if (d.title.startsWith('反应釜')) operators = created;
    n++;
  }
  // The demo accounts read what they were asked to, a few days after each publication.
  for (const who of ['principal', 'safety', 'leader', 'worker']) {
    const actor = await accountActor(db, who);
    const ctx = seedCtx(actor, at(addLocalDays(start, docs.length + 3), 15));
    const { pending } = await myAcknowledgements(db, ctx);
    for (const p of pending) await acknowledge(db, ctx, p.versionId);
  }
  // A second version of the operators' procedure, published yesterday: the worker has it to read.
  if (operators) {
    const yesterday = addLocalDays(today, -1);
    const v2 = await createVersion(db, seedCtx(safety, at(yesterday, 8)), eid, operators.id, {
      effectiveOn: yesterday, changeNote: '增加紧急停车要求',
      body: '一、开车前检查\n1. 检查反应釜压力表、温度计、安全阀完好。\n2. 检查搅拌、冷却水正常，紧急切断阀动作可靠。\n二、加料\n3. 按配方顺序加料，严禁超量。\n三、停车\n4. 降温降压后方可出料。\n四、紧急停车\n5. 超温超压时立即停止加料、打开冷却水并报告班长。',
    });
    await approveVersion(db, seedCtx(principal, at(yesterday, 9)), eid, operators.id, v2.id, await sign(yesterday, 99));
    await publishVersion(db, seedCtx(safety, at(yesterday, 10)), eid, operators.id, v2.id);
  }
  // The district's register of laws, kept by the district admin; the plant adopts them and links its rules.
  const admin = await accountActor(db, 'admin');
  const laws = [
    { level: 'national', kind: 'law', title: '中华人民共和国安全生产法', docNumber: '主席令第88号', issuer: '全国人民代表大会常务委员会', effectiveOn: '2021-09-01', links: ['安全生产责任制', '安全生产奖惩制度'] },
    { level: 'national', kind: 'regulation', title: '危险化学品安全管理条例', docNumber: '国务院令第591号', issuer: '国务院', effectiveOn: '2011-12-01', links: ['重大危险源和危险化学品安全管理制度'] },
    { level: 'national', kind: 'rule', title: '生产安全事故应急预案管理办法', docNumber: '应急管理部令第2号', issuer: '应急管理部', effectiveOn: '2019-09-01', links: ['生产安全事故应急预案管理和事故报告调查处理制度'] },
    { level: 'national', kind: 'standard', title: '危险化学品企业特殊作业安全规范', docNumber: 'GB 30871-2022', issuer: '国家市场监督管理总局、国家标准化管理委员会', effectiveOn: '2022-10-01', links: ['危险作业（特殊作业）安全管理制度'] },
    { level: 'national', kind: 'normative', title: '企业安全生产费用提取和使用管理办法', docNumber: '财资〔2022〕136号', issuer: '财政部、应急管理部', effectiveOn: '2022-11-21', links: ['安全生产费用提取和使用管理制度'] },
    { level: 'provincial', kind: 'regulation', title: '云南省安全生产条例', docNumber: '', issuer: '云南省人民代表大会常务委员会', effectiveOn: null, links: [] },
    { level: 'district', kind: 'normative', title: '官渡区企业安全生产主体责任落实行动方案', docNumber: '', issuer: '官渡区人民政府', effectiveOn: null, links: ['安全生产责任制', '安全风险分级管控和隐患排查治理制度'] },
  ] as const;
  const docs2 = (await sql<{ id: string; title: string }>`select id, title from documents where enterprise_id = ${eid}`.execute(db)).rows;
  for (const [i, l] of laws.entries()) {
    const law = await createLaw(db, seedCtx(admin, at(addLocalDays(start, -10 + i), 9)), {
      level: l.level, kind: l.kind, title: l.title, docNumber: l.docNumber, issuer: l.issuer, effectiveOn: l.effectiveOn,
    });
    if (l.level === 'provincial') continue;
    await adopt(db, seedCtx(safety, at(addLocalDays(start, docs.length + 1), 11)), eid, law.id, { documentIds: docs2.filter((d) => (l.links as readonly string[]).includes(d.title)).map((d) => d.id) });
  }
  return n;
}
