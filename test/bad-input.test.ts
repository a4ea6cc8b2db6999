import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { materialiseTasks } from '../src/modules/hazards/checks/check.service';
import { roleCan } from '../src/platform/auth/permissions';
import type { Access } from '../src/platform/http/route';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

/**
 * The bad-input sweep (D6–D9): every route of the OpenAPI document, called as an account that may call it with
 * real ids, gets each class of bad input — a NUL byte in a path parameter, a query parameter and the body's strings,
 * an impossible calendar date in its date fields, an empty JSON body, invalid JSON, and malformed multipart. None
 * may answer 5xx, and every error must leave in the documented shape. A new route is covered without touching this.
 */
let t: TestPlatform;
let admin: Client;
let safety: Client;
let anon: Client;

type JsonSchema = {
  type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[];
  format?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; minItems?: number;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; nullable?: boolean; default?: unknown; const?: unknown;
};
type Operation = { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

/** Both before and after today, so neither a "not in the past" nor a "later than" check stops them first. */
const IMPOSSIBLE_DATES = ['2026-02-30', '2099-13-45'];
const DATE_FIELD = /(date|Date|deadline|Deadline|timeLimit|On)$/;

/** Real ids from the demo district, so a request gets past "not found" to the code that uses its input. */
type Ids = Record<string, string>;
let ids: Ids;

async function loadIds(): Promise<Ids> {
  const { db } = t;
  const { ownEnterprise } = await demoIds(db);
  const e = ownEnterprise.id;
  // Every id must exist: a made-up one would stop each request at "not found", before the code under test.
  const one = async (q: Promise<{ id: string } | undefined>, what = '') => (await q)?.id ?? assert.fail(`the sweep needs a ${what} record`);
  const hazard = (status: string, level?: string) => {
    let q = db.selectFrom('hazards').select('id').where('enterprise_id', '=', e).where('status', '=', status as 'reported');
    if (level) q = q.where('level', '=', level as 'major');
    return one(q.orderBy('id').limit(1).executeTakeFirst(), `${status} ${level ?? ''} hazard`);
  };
  const now = t.clock.now;
  // The demo has no photo or check task: the sweep makes one of each (and a floor plan besides the demo's).
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  const upload = (url: string) => safety.request('POST', `/api/v1/enterprises/${e}/${url}`,
    Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n'), png, Buffer.from('\r\n--b--\r\n')]),
    { 'content-type': 'multipart/form-data; boundary=b' });
  assert.equal((await upload('floor-plans')).statusCode, 201);
  assert.equal((await upload('photos')).statusCode, 201);
  await materialiseTasks(db, now);
  // The demo's one open major hazard is under listed supervision already: the sweep grades a general one major, so
  // listing it reaches its deadline.
  const major = await db.selectFrom('hazards').select('major_criterion').where('enterprise_id', '=', e).where('level', '=', 'major').executeTakeFirstOrThrow();
  const rectifying = await db.selectFrom('hazards').select('id').where('enterprise_id', '=', e).where('status', '=', 'rectifying').where('level', '=', 'general')
    .where('id', 'not in', db.selectFrom('hazard_extensions').select('hazard_id').where('status', '=', 'pending')).orderBy('id').execute();
  assert.ok(rectifying.length >= 2, 'two rectifying hazards without a pending extension');
  const general = rectifying[0]!.id;
  const extendable = rectifying[1]!.id;
  await db.updateTable('hazards').set({ deadline: '2099-01-01' }).where('enterprise_id', '=', e).where('id', '=', extendable).execute();
  await db.updateTable('hazards').set({ level: 'major', major_criterion: major.major_criterion }).where('enterprise_id', '=', e).where('id', '=', general).execute();
  return {
    enterprise: e,
    user: await one(db.selectFrom('users').select('id').where('username', '=', 'worker').executeTakeFirst(), 'user'),
    subdistrict: await one(db.selectFrom('subdistricts').select('id').limit(1).executeTakeFirst(), 'subdistrict'),
    department: await one(db.selectFrom('departments').select('id').limit(1).executeTakeFirst(), 'department'),
    unit: await one(db.selectFrom('org_units').select('id').where('enterprise_id', '=', e).where('parent_id', 'is not', null).orderBy('path', 'desc').limit(1).executeTakeFirst(), 'unit'),
    post: await one(db.selectFrom('posts').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'post'),
    employee: await one(db.selectFrom('employees').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'employee'),
    riskPoint: await one(db.selectFrom('risk_points').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'riskPoint'),
    floorPlan: await one(db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'floorPlan'),
    photo: await one(db.selectFrom('attachments').select('id').where('enterprise_id', '=', e).where('kind', '=', 'photo').limit(1).executeTakeFirst(), 'photo'),
    // The demo has no enterprise-defined check items: the sweep makes one.
    checkItem: (await safety.post(`/api/v1/enterprises/${e}/check-items`, { category: '通用', content: '扫描用', method: '', basis: '', majorCriterion: false })).data.id as string,
    checklist: await one(db.selectFrom('checklists').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'checklist'),
    checkPlan: await one(db.selectFrom('check_plans').select('id').where('enterprise_id', '=', e).limit(1).executeTakeFirst(), 'checkPlan'),
    checkTask: await one(db.selectFrom('check_tasks').select('id').where('enterprise_id', '=', e).where('status', '=', 'open').limit(1).executeTakeFirst(), 'checkTask'),
    notification: await one(db.selectFrom('notifications').select('id').limit(1).executeTakeFirst(), 'notification'),
    extension: await one(db.selectFrom('hazard_extensions').select('id').where('enterprise_id', '=', e).where('status', '=', 'pending').limit(1).executeTakeFirst(), 'extension'),
    hazardReported: await hazard('reported'),
    hazardConfirmed: await hazard('confirmed'),
    hazardRectifying: await hazard('rectifying', 'general'),
    hazardSubmitted: await hazard('submitted'),
    hazardMajor: await hazard('rectifying', 'major'),
    hazardUnlisted: general,
    hazardExtendable: extendable,
    year: String(now.getUTCFullYear()),
    month: now.toISOString().slice(0, 7),
  };
}

/** The id a path parameter names, from the segment before it (`/hazards/{id}/assign` → a confirmed hazard). */
function paramValue(path: string, name: string): string {
  const segs = path.split('/');
  const at = segs.indexOf(`{${name}}`);
  const owner = segs[at - 1] ?? '';
  const action = segs[at + 1] ?? '';
  switch (name) {
    case 'enterpriseId': return ids.enterprise!;
    case 'postId': return ids.post!;
    case 'extensionId': return ids.extension!;
    case 'year': return ids.year!;
    case 'periodType': return 'month';
    case 'periodKey': return ids.month!;
    case 'token': return 'not-a-token';
  }
  const byOwner: Record<string, string | undefined> = {
    enterprises: ids.enterprise, users: ids.user, subdistricts: ids.subdistrict, departments: ids.department, 'org-units': ids.unit,
    posts: ids.post, employees: ids.employee, 'risk-points': ids.riskPoint, 'floor-plans': ids.floorPlan, photos: ids.photo,
    'check-items': ids.checkItem, checklists: ids.checklist, 'check-plans': ids.checkPlan, 'check-tasks': ids.checkTask,
    notifications: ids.notification,
  };
  if (owner === 'hazards') {
    const byAction: Record<string, string | undefined> = {
      confirm: ids.hazardReported, assign: ids.hazardConfirmed, 'fix-on-spot': ids.hazardReported, submit: ids.hazardRectifying,
      accept: ids.hazardSubmitted, reject: ids.hazardSubmitted, extensions: ids.hazardExtendable, plan: ids.hazardMajor, supervision: ids.hazardUnlisted,
    };
    return byAction[action] ?? ids.hazardRectifying!;
  }
  return byOwner[owner] ?? randomUUID();
}

/** A real id for a uuid body field, by its name. */
function uuidFor(field: string): string | null {
  // A check plan names a post or a person, not both.
  if (field === 'assigneeUserId') return null;
  const byField: Record<string, string | undefined> = {
    checklistId: ids.checklist, assigneePostId: ids.post, postId: ids.post, orgUnitId: ids.unit, parentId: ids.unit, riskPointId: ids.riskPoint,
    floorPlanId: ids.floorPlan, planId: ids.checkPlan, enterpriseId: ids.enterprise, subdistrictId: ids.subdistrict, departmentId: ids.department,
    rectifierId: ids.user, assigneeUserId: ids.user, userId: ids.user, checkItemId: ids.checkItem,
  };
  return byField[field] ?? randomUUID();
}

/** A plausible value for a JSON schema: what a client that read the docs would send. */
function sample(schema: JsonSchema | undefined, field = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? null;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], field);
  if (schema.allOf?.length) return sample(Object.assign({}, ...schema.allOf) as JsonSchema, field);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sample(v, k);
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, field));
    case 'integer': case 'number': return schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, schema.maximum) : 1);
    case 'boolean': return schema.default ?? true;
    case 'string': {
      if (schema.format === 'uuid') return uuidFor(field);
      if (schema.format === 'date' || DATE_FIELD.test(field)) return '2026-12-20';
      return 'x'.repeat(Math.max(1, Math.min(schema.minLength ?? 1, schema.maxLength ?? 8)));
    }
    default: return 'x';
  }
}

/** Every string leaf replaced by `f(key, value)`; returns whether anything was replaced. */
function mapStrings(value: unknown, f: (key: string, v: string) => string | null, key = ''): { value: unknown; hit: boolean } {
  if (typeof value === 'string') {
    const next = f(key, value);
    return next === null ? { value, hit: false } : { value: next, hit: true };
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => mapStrings(v, f, key));
    return { value: parts.map((p) => p.value), hit: parts.some((p) => p.hit) };
  }
  if (value && typeof value === 'object') {
    let hit = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = mapStrings(v, f, k);
      out[k] = p.value;
      hit ||= p.hit;
    }
    return { value: out, hit };
  }
  return { value, hit: false };
}

function errorShapeProblem(res: Res): string | null {
  if (res.statusCode < 400) return null;
  const e = (res.data as { error?: { code?: unknown; message?: unknown; issues?: unknown; requestId?: unknown } } | null)?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !Array.isArray(e.issues) || typeof e.requestId !== 'string') {
    return `error outside the documented shape: ${res.body.slice(0, 200)}`;
  }
  return null;
}

before(async () => {
  t = await createTestPlatform();
  admin = await t.login('admin');
  safety = await t.login('safety');
  anon = t.anonymous();
  ids = await loadIds();
});
after(async () => t.close());

test('no route answers 5xx to a NUL byte, an impossible date, an empty or invalid JSON body, or malformed multipart (D6–D9)', async () => {
  const doc = (await anon.get('/api/openapi.json')).data as { paths: Record<string, Record<string, Operation>> };
  const access = new Map<string, Access>(t.platform.routes.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));
  const failures: string[] = [];
  let requests = 0;

  const clientFor = (key: string, path: string): Client => {
    const a: Access | undefined = access.get(key);
    if (!a || a === 'public') return anon;
    const enterpriseRoute = path.startsWith('/api/v1/enterprises/{');
    const safetyMay = a === 'authenticated' || roleCan('safety_manager', a);
    return enterpriseRoute && safetyMay ? safety : admin;
  };

  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const key = `${method} ${path}`;
      // Signing out would end the session the rest of the sweep runs on; it takes no input anyway.
      if (key === 'POST /api/v1/auth/logout') continue;
      const client = clientFor(key, path);
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const url = (override: Record<string, string> = {}) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => override[name] ?? encodeURIComponent(paramValue(path, name)));
      const send = async (cls: string, u: string, body?: unknown, headers?: Record<string, string>, expect400 = false) => {
        requests++;
        const res = await client.request(method, u, body, headers);
        const where = `${key} [${cls}] → ${res.statusCode}`;
        if (process.env.SWEEP_DEBUG) console.log('SEEN', where, res.body.slice(0, 150));
        if (res.statusCode >= 500) failures.push(`${where} ${res.body.slice(0, 200)}`);
        else if (expect400 && res.statusCode !== 400) failures.push(`${where}, expected 400 ${res.body.slice(0, 200)}`);
        const shape = errorShapeProblem(res);
        if (shape) failures.push(`${where}: ${shape}`);
      };

      // D6: a NUL byte in each path parameter and each query parameter.
      for (const name of params) await send(`NUL in path ${name}`, url({ [name]: '%00' }), undefined, undefined, true);
      for (const q of query) await send(`NUL in query ${q.name}`, `${url()}?${q.name}=%00`, undefined, undefined, true);
      // D7: an impossible date in each date-like query parameter.
      for (const q of query.filter((q) => q.schema?.format === 'date' || DATE_FIELD.test(q.name))) {
        for (const d of IMPOSSIBLE_DATES) await send(`impossible date in query ${q.name}`, `${url()}?${q.name}=${d}`);
      }
      if (method === 'GET' || method === 'DELETE') continue;

      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) {
        const body = sample(schema);
        // D7: a body a client would send, with every date field impossible.
        for (const d of IMPOSSIBLE_DATES) {
          const dated = mapStrings(body, (k) => (DATE_FIELD.test(k) ? d : null));
          if (dated.hit) await send(`impossible date ${d} in body`, url(), dated.value);
        }
        // D6: the same body with every string field carrying a NUL byte.
        const nul = mapStrings(body, (_k, v) => `${v}\u0000`);
        if (nul.hit) await send('NUL in body', url(), nul.value, undefined, true);
      }
      // D8: an empty body.
      await send('empty JSON body', url(), {});
      // D20: invalid JSON.
      await send('invalid JSON', url(), '{"a":', { 'content-type': 'application/json' }, true);
      // D9: multipart without a boundary, truncated multipart.
      const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nAAAA';
      await send('multipart without boundary', url(), part, { 'content-type': 'multipart/form-data' });
      await send('truncated multipart', url(), part, { 'content-type': 'multipart/form-data; boundary=x' });
    }
  }
  assert.ok(requests > 500, `the sweep sent ${requests} requests`);
  assert.deepEqual(failures, []);
});

test('D6: a control character in a login, a card token or a query is a 400 on its field; tab and newline are text', async () => {
  const login = await anon.post('/api/v1/auth/login', { username: 'a\u0000', password: 'x' });
  assert.equal(login.statusCode, 400, login.body);
  assert.equal(login.data.error.code, 'VALIDATION');
  assert.deepEqual(login.data.error.issues.map((i: { path: string }) => i.path), ['body.username']);
  const card = await anon.get('/api/v1/public/risk-cards/%00');
  assert.equal(card.statusCode, 400, card.body);
  assert.equal(card.data.error.issues[0].path, 'params.token');
  const bell = await safety.get(`/api/v1/enterprises/${ids.enterprise}/hazards?q=%1B`);
  assert.equal(bell.statusCode, 400);
  assert.equal(bell.data.error.issues[0].path, 'querystring.q');
  const en = await anon.request('POST', '/api/v1/auth/login', { username: 'x', password: '\u0007' }, { 'accept-language': 'en-US' });
  assert.equal(en.data.error.issues[0].message, 'Must not contain control characters');
  const note = await safety.post(`/api/v1/enterprises/${ids.enterprise}/check-items`, { category: '通用', content: '第一行\n\t第二行\r\n', method: '', basis: '', majorCriterion: false });
  assert.equal(note.statusCode, 201, note.body);
});

test('D7: an impossible calendar date is a 400 on its field, on every date field', async () => {
  const e = `/api/v1/enterprises/${ids.enterprise}`;
  for (const day of ['2026-02-30', '2026-13-01', '2026-00-10', '0000-00-00', '9999-99-99', '2027-02-29']) {
    const plan = await safety.post(`${e}/check-plans`, { name: 'x', type: 'daily', cycle: 'daily', checklistId: ids.checklist, assigneePostId: ids.post, startsOn: day });
    assert.equal(plan.statusCode, 400, `${day}: ${plan.body}`);
    assert.deepEqual(plan.data.error.issues.map((i: { path: string }) => i.path), ['body.startsOn'], day);
  }
  const assign = await safety.post(`${e}/hazards/${ids.hazardConfirmed}/assign`, { rectifierId: ids.user, measures: 'x', deadline: '2099-13-45' });
  assert.equal(assign.statusCode, 400, assign.body);
  assert.equal(assign.data.error.issues[0].path, 'body.deadline');
  const leap = await safety.post(`${e}/check-plans`, { name: '闰日', type: 'daily', cycle: 'daily', checklistId: ids.checklist, assigneePostId: ids.post, startsOn: '2028-02-29' });
  assert.equal(leap.statusCode, 201, `a real leap day is a date: ${leap.body}`);
});

test('D8: a PATCH that changes nothing is a 400 "nothing to change", even when validation stripped every key', async () => {
  const e = `/api/v1/enterprises/${ids.enterprise}`;
  for (const url of [`${e}/org-units/${ids.unit}`, `${e}/check-items/${ids.checkItem}`, `${e}/posts/${ids.post}`]) {
    for (const body of [{}, { unknown: { a: 1 } }]) {
      const res = await safety.patch(url, body);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)}: ${res.body}`);
      assert.equal(res.data.error.code, 'VALIDATION');
      assert.equal(res.data.error.issues[0].path, 'body');
    }
  }
  const rename = await safety.patch(`${e}/check-items/${ids.checkItem}`, { content: '改过' });
  assert.equal(rename.statusCode, 200, rename.body);
});

test('D9: malformed multipart is a translated 400 on every upload route', async () => {
  const e = `/api/v1/enterprises/${ids.enterprise}`;
  const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nAAAA';
  const routes = [`${e}/photos`, `${e}/floor-plans`, `${e}/employees/import`, `${e}/risk-points/import`, `${e}/check-tasks/${ids.checkTask}/run`];
  for (const url of routes) {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=x']) {
      const res = await safety.request('POST', url, part, { 'content-type': contentType, 'accept-language': 'en-US' });
      assert.equal(res.statusCode, 400, `${url} ${contentType}: ${res.body}`);
      assert.equal(res.data.error.code, 'VALIDATION');
      assert.match(res.data.error.issues[0].message, /form data is incomplete or malformed/);
    }
  }
});
