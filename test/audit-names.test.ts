// Issue 10: the audit log names its records and actions in words. Every entity type a module declares and every
// action the code writes has a name in both languages (read from the source, so a new audit call or a new module that
// forgets its names fails here), and the list and the filters answer in the caller's language.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { MODULES } from '../src/app';
import { writeAudit } from '../src/platform/audit/audit';
import { auditActionName, auditEntityName } from '../src/platform/audit/audit-names';
import type { Ctx } from '../src/platform/auth/actor';
import { LOCALES, t as translate } from '../src/platform/i18n/messages';
import { installModules } from '../src/platform/module';
import { workflowAuditActions } from '../src/platform/workflow';
import { makeEnterprise, makeHazard } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The action of every audit call in src: `action: '…'` (both branches of a conditional), and the two families built
 * from a template — stored files (`photo.upload`, `attachment.link`… in platform/files/attachments.ts, whose entity
 * type is `photo` or `attachment`) and workflow steps (`hazard.accept`…, one per operation of each bound workflow).
 */
function writtenActions(): Set<string> {
  const written = new Set<string>();
  const templates: string[] = [];
  for (const file of sources('src')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction:\s*([^\n]*?),\s*entityType\b/g)) {
      const expr = m[1]!;
      if (expr.includes('`')) templates.push(`${path.basename(file)} ${expr}`);
      // The codes an expression yields, not the values it compares with (`from === 'confirmed' ? … : …`).
      for (const q of expr.matchAll(/(?<![=!]==\s*)'([\w.]+)'/g)) written.add(q[1]!);
    }
  }
  const fileVerbs = templates.filter((x) => x.startsWith('attachments.ts ')).map((x) => /\}\.(\w+)`/.exec(x)![1]!);
  assert.deepEqual(fileVerbs.sort(), ['delete', 'link', 'lock', 'upload']);
  for (const entity of ['photo', 'attachment']) for (const verb of fileVerbs) written.add(`${entity}.${verb}`);
  // A new template elsewhere has to be expanded here before the test can pass.
  assert.deepEqual(templates.filter((x) => !x.startsWith('attachments.ts ')), ['operate.ts `${binding.entityType}.${op}`']);
  for (const action of workflowAuditActions()) written.add(action);
  return written;
}

const HAN = /\p{Script=Han}/u;

test('every entity type a manifest declares and every action the code writes has a zh-CN and an en-US name', () => {
  const { auditEntities, auditActions } = installModules(MODULES);
  const written = writtenActions();
  assert.ok(written.has('hazard.accept') && written.has('risk.create') && written.has('photo.upload') && written.has('urge'), 'the scan finds audit calls');
  assert.deepEqual([...written].filter((a) => !auditActions.includes(a)).sort(), [], 'actions written but not named by any manifest');
  assert.ok(auditEntities.includes('hazard') && auditEntities.includes('risk_point'));
  const unnamed: string[] = [];
  for (const [kind, codes, name] of [['entity', auditEntities, auditEntityName], ['action', auditActions, auditActionName]] as const) {
    for (const code of codes) {
      const zh = name('zh-CN', code);
      const en = name('en-US', code);
      if (zh === code || en === code || !HAN.test(zh) || !en.trim() || HAN.test(en)) unnamed.push(`${kind} ${code}: ${zh} / ${en}`);
      if (zh === name('zh-CN', 'no_such_code') || en === name('en-US', 'no_such_code')) unnamed.push(`${kind} ${code}: reads as "other"`);
    }
  }
  assert.deepEqual(unnamed, []);
});

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

test('the audit list names each row\'s action and record type in the caller\'s language, and an unknown code as "other"', async () => {
  const ent = await makeEnterprise(t);
  const hazard = await makeHazard(t, ent, { status: 'rectifying' });
  const ctx: Ctx = { actor: null, ip: null, requestId: 'audit-names', locale: 'zh-CN', now: t.clock.now };
  await t.db.transaction().execute((tx) => writeAudit(tx, ctx, { action: 'retired.action', entityType: 'retired_thing', entityId: hazard.id, enterpriseId: ent.id }));
  const safety = await ent.login('safety');
  const names: Record<string, Record<string, { action: string; entityType: string }>> = {};
  for (const locale of LOCALES) {
    const res = await safety.get(`/api/v1/audit?entityId=${hazard.id}&order=asc`, { 'accept-language': locale });
    assert.equal(res.statusCode, 200, res.body);
    names[locale] = Object.fromEntries((res.data.items as { action: string; actionName: string; entityTypeName: string }[])
      .map((r) => [r.action, { action: r.actionName, entityType: r.entityTypeName }]));
  }
  const zh = names['zh-CN']!;
  const en = names['en-US']!;
  assert.deepEqual(Object.keys(zh), ['hazard.report', 'hazard.confirm', 'hazard.assign', 'retired.action']);
  for (const action of ['hazard.report', 'hazard.confirm', 'hazard.assign']) {
    assert.ok(HAN.test(zh[action]!.action) && !HAN.test(en[action]!.action) && en[action]!.action !== action, action);
    assert.ok(HAN.test(zh[action]!.entityType) && en[action]!.entityType !== 'hazard', action);
  }
  assert.notEqual(zh['hazard.confirm']!.action, zh['hazard.assign']!.action);
  assert.deepEqual(zh['retired.action'], { action: translate('zh-CN', 'audit.action.other'), entityType: translate('zh-CN', 'audit.entity.other') });
  assert.deepEqual(en['retired.action'], { action: translate('en-US', 'audit.action.other'), entityType: translate('en-US', 'audit.entity.other') });
});

test('the filters\' options are every named record type and action with its name, hazards and risk points included', async () => {
  const safety = await t.login('safety');
  const zh = await safety.get('/api/v1/audit/vocabulary');
  const en = await safety.get('/api/v1/audit/vocabulary', { 'accept-language': 'en-US' });
  assert.equal(zh.statusCode, 200, zh.body);
  type Term = { code: string; name: string };
  const byCode = (terms: Term[]) => new Map(terms.map((x) => [x.code, x.name]));
  const types = byCode(zh.data.entityTypes as Term[]);
  const typesEn = byCode(en.data.entityTypes as Term[]);
  assert.deepEqual([...types.keys()].sort(), installModules(MODULES).auditEntities);
  for (const code of ['hazard', 'risk_point', 'check_task', 'employee']) {
    assert.ok(HAN.test(types.get(code) ?? ''), code);
    assert.ok(typesEn.get(code) && typesEn.get(code) !== code && !HAN.test(typesEn.get(code)!), code);
  }
  const actions = byCode(zh.data.actions as Term[]);
  assert.deepEqual([...actions.keys()].sort(), installModules(MODULES).auditActions);
  assert.ok(HAN.test(actions.get('hazard.accept') ?? '') && HAN.test(actions.get('urge') ?? ''));
  assert.equal((await (await t.login('worker')).get('/api/v1/audit/vocabulary')).statusCode, 403);
});
