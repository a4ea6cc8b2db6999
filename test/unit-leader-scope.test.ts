import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

/**
 * D11, RULES §0: an org-unit leader sees his unit and its descendants. The leader of 一车间 (demo user `leader`) gets
 * 404 for every record of 二车间 through every GET route that takes an id, and no list, summary or export he reads
 * changes when records are added to 二车间. Both passes walk the route table, so a new route is covered (or must be
 * named below) without touching this file's logic.
 */

let t: TestPlatform;
let enterpriseId: string;
let safety: Client;
let leader: Client;
const tag = `D11X${Math.random().toString(36).slice(2, 8)}`;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-02T02:00:00Z');
  enterpriseId = (await demoIds(t.db)).ownEnterprise.id;
  safety = await t.login('safety');
  leader = await t.login('leader');
});
after(async () => { await t.close(); });

const api = (p: string) => `/api/v1/enterprises/${enterpriseId}${p}`;

// The smallest valid PNG (1×1), with a varying byte so each upload is a different photo.
function png(seed: number): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed])]);
}

async function uploadPhoto(c: Client, seed: number): Promise<string> {
  const boundary = '----sdleader' + seed;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png(seed),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request('POST', api('/photos'), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids[0];
}

function created(res: Res): string {
  assert.ok(res.statusCode === 200 || res.statusCode === 201, `${res.statusCode} ${res.body}`);
  return res.data.id;
}

/** What a response shows, for comparison: JSON as text, a workbook as the text of its parts, an image by its size. */
async function shown(res: Res): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const zip = await JSZip.loadAsync(res.rawPayload);
    const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && (n.includes('sharedStrings') || n.includes('worksheets/'))).sort();
    return (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join('\n');
  }
  // Refusals differ only in their request id.
  if (res.statusCode >= 400) return `${res.statusCode} ${res.data?.error?.code ?? res.body}`;
  return `${res.statusCode} ${res.body}`;
}

type Records = { post: string; employee: string; riskPoint: string; photo: string; hazard: string; checklist: string; card: string; plan: string; task: string; meeting: string; meetingFile: string; dutyList: string; mentorship: string; equipment: string; certificate: string; accident: string };

/** One record of every unit-owned kind in 二车间, created by the safety manager. */
async function recordsOf二车间(n: number): Promise<Records> {
  const name = `${tag}-${n}`;
  const unit = async (name: string) => (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const ws2 = await unit('二车间');
  const post = created(await safety.post(api('/posts'), { orgUnitId: ws2, name: `${name}岗位` }));
  const employee = (await t.db.insertInto('employees').values({
    enterprise_id: enterpriseId, name: `${name}员工`, id_number_masked: '530111********0000', id_number_hash: `${name}-hash`, employment_form: 'regular', org_unit_id: ws2,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const riskPoint = created(await safety.post(api('/risk-points'), { name: `${name}风险点`, kind: 'place', orgUnitId: ws2, postIds: [post] }));
  // A control measure with a check item, so the derived check items (/risk-check-items) have a 二车间 row too.
  const measures = await safety.put(api(`/risk-points/${riskPoint}/measures`), {
    measures: [{ category: 'management', content: `${name}管控措施`, checkItems: [{ content: `${name}排查项`, cycle: 'daily', postId: post }] }],
  });
  assert.equal(measures.statusCode, 200, measures.body);
  const photo = await uploadPhoto(safety, n);
  const hazard = created(await safety.post(api('/hazards'), { title: `${name}隐患`, riskPointId: riskPoint, photoIds: [photo] }));
  const library = await safety.get('/api/v1/check-library');
  const items = [{ source: 'standard', sourceId: library.data.items[0].id }];
  const checklist = created(await safety.post(api('/checklists'), { level: 'workshop', name: `${name}检查表`, orgUnitId: ws2, items }));
  const card = created(await safety.post(api('/checklists'), { level: 'post', name: `${name}检查卡`, postId: post, items }));
  const plan = created(await safety.post(api('/check-plans'), { name: `${name}日检`, type: 'daily', cycle: 'daily', checklistId: checklist, assigneePostId: post, startsOn: '2026-12-01' }));
  const task = (await t.db.selectFrom('check_tasks').select('id').where('enterprise_id', '=', enterpriseId).where('plan_id', '=', plan).executeTakeFirstOrThrow()).id;
  // A safety meeting of 二车间, chaired and confirmed by the safety manager, with a photo and an action of its worker.
  const chair = (await t.db.selectFrom('users').select('employee_id').where('username', '=', 'safety').executeTakeFirstOrThrow()).employee_id!;
  const meeting = created(await safety.post(api('/meetings'), {
    type: 'regular', title: `${name}班前会`, heldAt: '2026-12-01T08:00:00+08:00', chairEmployeeId: chair, attendeeIds: [employee], minutes: `${name}纪要`,
    decisions: [{ content: `${name}决定事项`, ownerEmployeeId: employee, dueOn: '2026-12-31' }],
  }));
  const boundary = `----sdmeet${n}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nphoto\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.png"\r\nContent-Type: image/png\r\n\r\n`),
    png(100 + n), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const meetingFile = (await safety.request('POST', api(`/meetings/${meeting}/files`), body, { 'content-type': `multipart/form-data; boundary=${boundary}` })).data.ids[0] as string;
  created(await safety.post(api(`/meetings/${meeting}/confirm`), {}));
  // The 二车间 post's published duty list (R-RESP-1).
  const dutyList = created(await safety.post(api('/duty-lists'), { name: `${name}责任清单`, level: 'post', templateKey: 'operator' }));
  created(await safety.put(api(`/duty-lists/${dutyList}/assignments`), { postIds: [post] }));
  created(await safety.post(api(`/duty-lists/${dutyList}/publish`), {}));
  // A mentorship of the 二车间 employee (R-RESP-9), with the safety manager as mentor.
  const mentorship = created(await safety.post(api('/mentorships'), {
    mentorEmployeeId: chair, apprenticeEmployeeId: employee, postId: post, startsOn: '2026-12-01', endsOn: '2027-02-28', skills: [{ kind: 'other', title: `${name}技能` }],
  }));
  // Equipment of 二车间 (issue 12 §5).
  const equipment = created(await safety.post(api('/equipment'), { code: `${name}-EQ`, name: `${name}设备`, orgUnitId: ws2 }));
  // A certificate held by the 二车间 employee (issue 13 §2).
  const certificate = created(await safety.post(api('/certificates'), {
    employeeId: employee, kind: 'special_operation', typeCode: 'so-electrical', number: `${name}-T`, issuer: '昆明市应急管理局', issuedOn: '2025-03-01',
  }));
  // An accident quick-reported at the 二车间 post (issue 14 §4): a unit leader sees his units' reports.
  const accident = created(await safety.post(api('/accidents'), { summary: `${name}事故`, postId: post }));
  return { post, employee, riskPoint, photo, hazard, checklist, card, plan, task, meeting, meetingFile, dutyList, mentorship, equipment, certificate, accident };
}

/**
 * GET routes that take an id besides the enterprise's: the 二车间 record each is called with, or null with the reason
 * the record is the whole enterprise's rather than a unit's. A new route must be added here.
 */
function idRoutes(r: Records): Record<string, string[] | null> {
  return {
    '/employees/:id': [r.employee],
    '/risk-points/:id': [r.riskPoint],
    '/posts/:postId/risk-card': [r.post],
    '/posts/:postId/report-context': [r.post],
    '/photos/:id': [r.photo],
    '/hazards/:id': [r.hazard],
    '/checklists/:id': [r.checklist, r.card],
    '/checklists/:id/print': [r.checklist, r.card],
    '/check-tasks/:id': [r.task],
    // A meeting the leader neither chaired, attended nor owns an action of, and its file.
    '/meetings/:id': [r.meeting],
    '/meeting-files/:id': [r.meetingFile],
    // A duty list attached to a post of 二车间.
    '/duty-lists/:id': [r.dutyList],
    // A mentorship whose apprentice works in 二车间, and the skills of a 二车间 post's card.
    '/mentorships/:id': [r.mentorship],
    '/posts/:postId/mentoring-skills': [r.post],
    // Key moments are the enterprise's own (holidays, resumptions, maintenance), and so are their check-in photos; the
    // pay–safety link is the managers' (403 to him).
    '/key-moments/:id': null,
    '/duty-checkin-photos/:id': null,
    '/pay-link-files/:id': null,
    // Drills are the enterprise's own, seen by all its staff (test/drills.test.ts), and so are their photos.
    '/drills/:id': null, '/drills/:id/sign-in': null, '/drill-files/:id': null,
    // The enterprise's own: floor plans of the site, the annual risk report, the monthly and yearly hazard reports.
    '/floor-plans/:id/image': null,
    '/risk-reports/:year': null,
    '/risk-reports/:year/versions': null,
    '/risk-reports/:year/versions/:version/pdf': null,
    '/hazard-reports/:periodType/:periodKey': null,
    '/hazard-reports/:periodType/:periodKey/versions': null,
    '/hazard-reports/:periodType/:periodKey/versions/:version/pdf': null,
    // Duty lists: a version is read through its list (404 to him with it, test/duty-lists.test.ts); the yearly reviews and
    // assessment campaigns are the enterprise's own, their rows narrowed to his branch (test/duty-lists.test.ts).
    '/duty-lists/:id/versions/:version': null,
    '/duty-reviews/:id': null,
    '/duty-assessments/:id': null,
    '/duty-assessments/:id/scores': null,
    '/duty-assessments/:id/people/:employeeId': null,
    '/duty-assessments/:id/notice': null,
    '/duty-assessments/:id/export': null,
    // Letters, campaigns and commitments: a campaign and a commitment are the enterprise's own (their figures and lists
    // are narrowed to the leader's branch); a letter of another unit, and a paper list he did not record, are 404 to
    // him (test/letters.test.ts makes them).
    '/letter-campaigns/:id': null,
    '/letter-campaigns/:id/letters': null,
    '/letter-campaigns/:id/paper-lists': null,
    '/letter-campaigns/:id/paper-lists/:attachmentId/file': null,
    '/letters/:id': null,
    '/commitments/:id': null,
    '/commitments/:id/poster': null,
    // The daily risk notice is the enterprise's own, posted at its gate (test/daily-notice.test.ts).
    '/daily-notices/:id': null,
    // The safety organisation's documents: the organisation is read by the managers only, never a unit leader (403).
    '/staffing/files/:id': null,
    // Duties: a unit leader sees only the occurrences he owes himself, of any unit; another's is 404 to him
    // (test/obligations.test.ts shows it for an employee, the same rule).
    '/obligations/:id': null,
    '/obligations/:id/files/:fileId': null,
    // Equipment of 二车间 (issue 12 §5, equipment.policy.ts).
    '/equipment/:id': [r.equipment],
    // Safety-culture activities are the managers' (403 to him).
    '/culture-activities/:id': null,
    // Safety investment (issue 12 §3): the enterprise's accounts, closed to unit leaders by permission (403, test/investment.test.ts).
    '/investment/budgets/:year': null,
    '/investment/vouchers/:id': null,
    // Insurance (issue 12 §4): the enterprise's policies, closed to unit leaders by permission (403, test/insurance.test.ts).
    '/liability-policies/:id': null,
    // Rules and procedures (issue 12 §2): the enterprise's own library, read by everyone who reads it; what is narrowed
    // to his branch is the acknowledgement rates by unit and the posts without a procedure (test/documents.test.ts).
    '/documents/:id': null,
    '/documents/:id/versions/:versionId': null,
    '/document-files/:fileId': null,
    '/documents/:id/versions/:versionId/proxy-acks': null,
    // Training (issue 13 §1): a person's archive is his unit's; the plan, the sessions and their materials are the
    // enterprise's own (a session has no unit: everyone may attend), and a session's roster lists his branch only.
    '/training/people/:employeeId': [r.employee],
    '/training/plans/:year': null,
    '/training/sessions/:id': null,
    '/training/sessions/:id/roster': null,
    '/training/materials/:id': null,
    // Certificates (issue 13 §2): a certificate is its holder's unit's.
    '/certificates/:id': [r.certificate],
    // The standardisation self-assessment (issue 13 §4) is the managers' (403 to him).
    '/standardisation/:year': null,
    '/standardisation/:year/evidence/:fileId': null,
    '/standardisation/:year/versions/:version/pdf': null,
    // Accident reports (issue 14 §4) follow the unit of the post or reporter they came from.
    '/accidents/:id': [r.accident],
    '/accidents/:id/followup': [r.accident], '/accidents/:id/duty-lists': [r.accident], '/accident-followup-files/:id': null,
    // Emergency plans (issue 14 §1) are the enterprise's, seen by those they are issued to, not by unit.
    '/emergency-plans/:id': null, '/emergency-plans/:id/receipts': null, '/emergency-plan-files/:id': null,
  };
}

test('D11 the leader of 一车间 gets 404 for every record of 二车间 through every GET route that takes an id', async () => {
  const r = await recordsOf二车间(1);
  const table = idRoutes(r);
  const prefix = '/api/v1/enterprises/:enterpriseId';
  const routes = t.platform.routes.filter((x) => x.method === 'GET' && x.url.startsWith(`${prefix}/`) && x.url.slice(prefix.length).includes(':'));
  const failures: string[] = [];
  for (const route of routes) {
    const rest = route.url.slice(prefix.length);
    if (!(rest in table)) { failures.push(`${route.url}: not in the table of this test`); continue; }
    for (const id of table[rest] ?? []) {
      const own = await safety.get(api(rest.replace(/:[A-Za-z]+/, id)));
      assert.equal(own.statusCode, 200, `${rest} as the safety manager: ${own.body}`);
      const res = await leader.get(api(rest.replace(/:[A-Za-z]+/, id)));
      if (res.statusCode !== 404) failures.push(`${rest} (${id}): ${res.statusCode}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('D11 no list, summary or export the leader of 一车间 reads changes when records are added to 二车间', async () => {
  // Every GET route without an id: the enterprise's lists, summaries and exports, and the cross-enterprise ones.
  const routes = t.platform.routes.filter((x) => x.method === 'GET' && !x.url.replace('/enterprises/:enterpriseId', '').includes(':'));
  const read = async () => {
    const out = new Map<string, string>();
    for (const route of routes) {
      const url = route.url.replace(':enterpriseId', enterpriseId);
      out.set(route.url, await shown(await leader.get(url)));
    }
    return out;
  };
  const before = await read();
  const r = await recordsOf二车间(2);
  const afterwards = await read();
  const markers = [tag, ...Object.values(r)];
  const changed = routes.map((x) => x.url).filter((u) => before.get(u) !== afterwards.get(u) || markers.some((m) => afterwards.get(u)!.includes(m)));
  assert.deepEqual(changed, []);
  // The figures the leader sees agree with the ledger he sees.
  const summary = await leader.get(api('/risk-summary'));
  const ledger = await leader.get(api('/risk-points?pageSize=100'));
  assert.equal(summary.data.total, ledger.data.total, 'risk-summary counts the leader\'s branch');
});

test('D11 what the leader runs stays visible: his unit\'s table and card, tasks assigned to him or his posts, the enterprise list', async () => {
  const lists = (await leader.get(api('/checklists'))).data.items as { name: string; level: string }[];
  assert.deepEqual(lists.map((l) => l.name).sort(), ['一车间安全检查表', '一车间甲班操作工岗位安全检查卡', '综合安全检查清单（一企一清单）'].sort());
  const plans = (await leader.get(api('/check-plans'))).data.items as { name: string }[];
  assert.deepEqual(plans.map((p) => p.name).sort(), ['一车间日常安全巡查', '操作工班前安全检查'].sort());
  // A task of another unit's list assigned to the leader himself.
  const maint = (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('name', '=', '维修班').executeTakeFirstOrThrow()).id;
  const library = await safety.get('/api/v1/check-library');
  const table = created(await safety.post(api('/checklists'), { level: 'workshop', name: `${tag}维修班表`, orgUnitId: maint, items: [{ source: 'standard', sourceId: library.data.items[1].id }] }));
  const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
  const plan = created(await safety.post(api('/check-plans'), { name: `${tag}维修班日检`, type: 'daily', cycle: 'daily', checklistId: table, assigneeUserId: leaderId, startsOn: '2026-12-01' }));
  const tasks = (await leader.get(api(`/check-tasks?planId=${plan}`))).data.items as { id: string; canRun: boolean }[];
  assert.equal(tasks.length, 1);
  const detail = await leader.get(api(`/check-tasks/${tasks[0]!.id}`));
  assert.deepEqual([detail.statusCode, detail.data.canRun], [200, true]);
});
