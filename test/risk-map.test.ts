import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { createPlatform } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { DEMO_FLOOR_PLAN_NAME } from '../src/seed/demo-floor-plan';
import { checkPlanImage, PLAN_MAX_BYTES } from '../src/modules/risk/map/risk-map.image';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';
import { decoded, png as realPng, pngHeaderOnly, realImage } from './fixtures/images';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const base = () => `/api/v1/enterprises/${ids.ownEnterprise.id}`;

// ---- test images, made byte by byte: only the headers a reader looks at ----

/** A plan whose pixels decode (what is uploaded), and one of header only (what the header checks judge). */
const png = (w: number, h: number): Buffer => realPng(w, h);
const header = (w: number, h: number): Buffer => pngHeaderOnly(w, h);
function jpeg(w: number, h: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}
const svg = (inner: string, attrs = 'viewBox="0 0 1200 800"') => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${inner}</svg>`);

function multipart(parts: { name: string; filename?: string; type?: string; content: Buffer | string }[]) {
  const boundary = `----safeduty${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadPlan(c: Client, enterpriseUrl: string, filename: string, content: Buffer, name?: string, type = 'application/octet-stream'): Promise<Res> {
  // The name field after the file: the route reads the parts in any order.
  const m = multipart([{ name: 'file', filename, type, content }, ...(name ? [{ name: 'name', content: name }] : [])]);
  return c.request('POST', `${enterpriseUrl}/floor-plans`, m.body, m.headers);
}

async function pointId(code: string, enterpriseId = ids.ownEnterprise.id) {
  return (await t.db.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function makeUser(username: string, body: Record<string, string>): Promise<Client> {
  const admin = await t.login('admin');
  const u = await admin.post('/api/v1/users', { username, displayName: username, ...body });
  assert.equal(u.statusCode, 201, u.body);
  const c = await t.login(username, u.data.oneTimeCode);
  const pw = await c.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: `Kunming#Safe2026x` });
  assert.equal(pw.statusCode, 200, pw.body);
  return c;
}

test('R-RISK-1 the demo plant\'s four-colour map is there on the first start: its site plan, every active point drawn on it', async () => {
  const principal = await t.login('principal');
  const active = await t.db.selectFrom('risk_points').select(['code', 'grade']).where('enterprise_id', '=', ids.ownEnterprise.id).where('status', '=', 'active').execute();
  assert.ok(active.length >= 6, 'the demo ledger');
  const plans = await principal.get(`${base()}/floor-plans`);
  assert.equal(plans.statusCode, 200, plans.body);
  assert.deepEqual(plans.data.items.map((p: { name: string; mime: string; pointCount: number }) => [p.name, p.mime, p.pointCount]), [[DEMO_FLOOR_PLAN_NAME, 'image/svg+xml', active.length]]);
  const plan = plans.data.items[0];

  const map = await principal.get(`${base()}/risk-map`);
  assert.equal(map.statusCode, 200, map.body);
  assert.equal(map.data.floorPlan.id, plan.id);
  assert.deepEqual(map.data.unplaced, []);
  const drawn = map.data.points as { code: string; grade: number; colour: string; shape: { type: string } }[];
  assert.deepEqual(drawn.map((p) => p.code).sort(), active.map((p) => p.code).sort());
  // Coloured by grade, counted in the legend: the demo ledger has at least three of the four colours.
  const counts = [1, 2, 3, 4].map((g) => active.filter((p) => p.grade === g).length);
  assert.deepEqual(map.data.legend.map((l: { count: number }) => l.count), counts);
  assert.ok(counts.filter((n) => n > 0).length >= 3, JSON.stringify(counts));
  assert.deepEqual(drawn.filter((p) => p.code === 'FX-001').map((p) => [p.colour, p.shape.type]), [['red', 'polygon']], 'the tank farm is an area');
  assert.equal(drawn.find((p) => p.code === 'FX-002')!.shape.type, 'marker', 'the reactor is a point');

  // Stored like an uploaded plan: an attachment of kind floor_plan linked to it, an SVG the upload check accepts.
  const img = await principal.get(`${base()}/floor-plans/${plan.id}/image`);
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['content-type'], 'image/svg+xml');
  assert.deepEqual(await checkPlanImage(img.rawPayload), { ok: true, mime: 'image/svg+xml', width: plan.width, height: plan.height });
  const files = await t.db.selectFrom('attachment_links as l').innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['a.kind', 'a.size']).where('l.owner_type', '=', 'floor_plan').where('l.owner_id', '=', plan.id).execute();
  assert.deepEqual(files, [{ kind: 'floor_plan', size: img.rawPayload.length }]);
});

test('floor-plan images are judged by content: PNG, JPEG and inert SVG pass; scripts, handlers and external references do not', async () => {
  assert.deepEqual(await checkPlanImage(header(800, 600)), { ok: true, mime: 'image/png', width: 800, height: 600 });
  assert.deepEqual(await checkPlanImage(jpeg(640, 480)), { ok: true, mime: 'image/jpeg', width: 640, height: 480 });
  assert.deepEqual(await checkPlanImage(svg('<rect width="10" height="10" fill="url(#g)"/>')), { ok: true, mime: 'image/svg+xml', width: 1200, height: 800 });
  assert.deepEqual(await checkPlanImage(svg('', 'width="300" height="200"')), { ok: true, mime: 'image/svg+xml', width: 300, height: 200 });
  const unsafe = [
    '<script>alert(1)</script>', '<SCRIPT src="x.js"/>', '<rect onclick="alert(1)"/>', '<image href="http://evil.example/x.png"/>',
    '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://evil.example/s.svg#a"/>', '<foreignObject><div/></foreignObject>', '<a href="javascript:alert(1)"><rect/></a>',
    '<rect style="fill:url(http://evil.example/p)"/>', '<style>@import url(//evil.example/c.css);</style>',
  ];
  for (const s of unsafe) assert.deepEqual(await checkPlanImage(svg(s)), { ok: false, reason: 'svgUnsafe' }, s);
  assert.deepEqual(await checkPlanImage(svg('', 'onload="alert(1)" width="1" height="1"')), { ok: false, reason: 'svgUnsafe' });
  assert.deepEqual(await checkPlanImage(Buffer.from('GIF89a\x01\x00\x01\x00')), { ok: false, reason: 'type' });
  assert.deepEqual(await checkPlanImage(Buffer.from('<html><body>plan</body></html>')), { ok: false, reason: 'type' });
  assert.deepEqual(await checkPlanImage(svg('', 'width="100%"')), { ok: false, reason: 'dimensions' });
});

test('D16: SVG bypasses are refused after entity decoding, in any namespace prefix and through animation', async () => {
  const xlinkAs = (prefix: string, inner: string) => svg(inner, `xmlns:${prefix}="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"`);
  const unsafe: [string, Buffer][] = [
    ['entity-hidden javascript:', xlinkAs('x', '<a x:href="&#106;avascript:alert(document.domain)"><rect/></a>')],
    ['javascript: split by whitespace entities', svg('<a href="java&#x09;script&#x0A;:alert(1)"><rect/></a>')],
    ['external image under another prefix', xlinkAs('x', '<image x:href="http://attacker.example/track.png"/>')],
    ['xlink:href external', xlinkAs('xlink', '<use xlink:href="//evil.example/s.svg#a"/>')],
    ['animate sets href', svg('<a href="#a"><animate attributeName="href" values="&#106;avascript:alert(1)"/></a>')],
    ['set sets an event handler', svg('<rect><set attributeName="onmouseover" to="alert(1)"/></rect>')],
    ['event handler in another case', svg('<rect ONCLICK="alert(1)"/>')],
    ['foreignObject in another case', svg('<FOREIGNOBJECT/>')],
    ['script in a namespace prefix', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
    ['style element with external url', svg('<style><![CDATA[rect{fill:url( "http://evil.example/p" )}]]></style>')],
    ['CSS escape hiding url', svg('<rect style="fill:u\\72l(http://evil.example/p)"/>')],
    ['presentation attribute with external url', svg('<rect filter="url(https://evil.example/f.svg#f)"/>')],
    ['stylesheet processing instruction', Buffer.from('<?xml version="1.0"?><?xml-stylesheet href="http://evil.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')],
    ['data: other than an image', svg('<image href="data:text/html;base64,PHNjcmlwdD4="/>')],
  ];
  for (const [what, bytes] of unsafe) assert.deepEqual(await checkPlanImage(bytes), { ok: false, reason: 'svgUnsafe' }, what);
  const invalid: [string, Buffer][] = [
    ['billion laughs', Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text>&c;</text></svg>')],
    ['external DTD', Buffer.from('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')],
    ['undeclared entity', svg('<text>&lol;</text>')],
    ['unclosed element', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><g>')],
    ['D3: 200 KB of <', Buffer.concat([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'), Buffer.alloc(200_000, '<')])],
    ['too deep', svg('<g>'.repeat(300) + '</g>'.repeat(300))],
    ['too many elements', svg('<g/>'.repeat(100_001))],
  ];
  for (const [what, bytes] of invalid) assert.deepEqual(await checkPlanImage(bytes), { ok: false, reason: 'svgInvalid' }, what);
  // What stays allowed: links inside the document, inline raster images, gradients, a namespaced editor's metadata.
  const fine = svg('<defs><linearGradient id="g"/></defs><a href="#r"><rect id="r" fill="url(#g)" style="stroke:url(\'#g\')"/></a>'
    + '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><metadata><d:title xmlns:d="http://purl.org/dc/elements/1.1/">一车间</d:title></metadata>'
    + '<text onion="x">&amp; &#x4E00;</text>');
  assert.deepEqual(await checkPlanImage(fine), { ok: false, reason: 'svgUnsafe' }, 'an attribute starting with "on" is refused, whatever follows');
  assert.deepEqual(await checkPlanImage(Buffer.from(fine.toString().replace(' onion="x"', ''))), { ok: true, mime: 'image/svg+xml', width: 1200, height: 800 });
});

// Logins are rate-limited per address: the refusal tests share one session.
let safetySession: Promise<Client> | null = null;
const safetyOnce = () => (safetySession ??= t.login('safety'));

test('D16: a raster plan larger than a browser can decode is refused by its header, and a PNG must be whole', async () => {
  assert.deepEqual(await checkPlanImage(header(50_000, 50_000)), { ok: false, reason: 'pixels' });
  assert.deepEqual(await checkPlanImage(header(12_001, 100)), { ok: false, reason: 'pixels' });
  assert.deepEqual(await checkPlanImage(header(8_000, 6_250)), { ok: true, mime: 'image/png', width: 8_000, height: 6_250 });
  assert.deepEqual(await checkPlanImage(header(8_000, 6_251)), { ok: false, reason: 'pixels' });
  assert.deepEqual(await checkPlanImage(jpeg(12_000, 5_000)), { ok: false, reason: 'pixels' });
  assert.deepEqual(await checkPlanImage(header(100, 100).subarray(0, 30)), { ok: false, reason: 'type' }, 'a truncated PNG');
  assert.deepEqual(await checkPlanImage(Buffer.concat([header(100, 100), Buffer.from('<html><script>alert(1)</script>')])), { ok: false, reason: 'type' }, 'a PNG/HTML polyglot');
  assert.deepEqual(await checkPlanImage(Buffer.from('\xff\xd8\xff<script>alert(1)</script>', 'latin1')), { ok: false, reason: 'type' }, 'a JPEG magic then script');
  const c = await safetyOnce();
  const huge = await uploadPlan(c, base(), 'huge.png', header(50_000, 50_000));
  assert.equal(huge.statusCode, 415);
  assert.equal(huge.data.error.code, 'UNSUPPORTED_FILE');
  assert.equal(huge.data.error.issues[0].path, 'body.file');
  assert.match(huge.data.error.message, /12000.*50/, 'the message names the limits');
});

test('D3: /api/health answers while 5 MB hostile SVG plans are being refused', async () => {
  const c = await safetyOnce();
  const head = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">');
  const fill = (unit: string) => Buffer.concat([head, Buffer.alloc(PLAN_MAX_BYTES - head.length - 1024, unit)]);
  // The review's reproduction grown to the size limit, a flood of elements, and a megabytes-long link that ends in script.
  const flood = Buffer.concat([head, Buffer.from('<a href="'), Buffer.alloc(PLAN_MAX_BYTES - 2048, ' '), Buffer.from('javascript:alert(1)"/></svg>')]);
  const uploads = [fill('<'), fill('<g/>'), flood].map((bytes) => uploadPlan(c, base(), 'hostile.svg', bytes));
  const health = await t.anonymous().get('/api/health');
  assert.equal(health.statusCode, 200);
  const refused = await Promise.all(uploads);
  assert.deepEqual(refused.map((r) => [r.statusCode, r.data.error.code]), [[415, 'UNSUPPORTED_FILE'], [415, 'UNSUPPORTED_FILE'], [415, 'UNSUPPORTED_FILE']]);
  assert.deepEqual(await Promise.all([fill('<'), fill('<g/>'), flood].map(async (b) => (await checkPlanImage(b)).ok === false && (await checkPlanImage(b)))),
    [{ ok: false, reason: 'svgInvalid' }, { ok: false, reason: 'svgInvalid' }, { ok: false, reason: 'svgUnsafe' }]);
});

test('the safety manager uploads plans; wrong type, script SVG and oversize files are refused with translated messages', async () => {
  const c = await t.login('safety');
  const ok = await uploadPlan(c, base(), 'site.png', png(1600, 900), '厂区总平面图');
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual({ name: ok.data.name, mime: ok.data.mime, width: ok.data.width, height: ok.data.height, size: ok.data.size, pointCount: ok.data.pointCount },
    { name: '厂区总平面图', mime: 'image/png', width: 1600, height: 900, size: (await c.get(`${base()}/floor-plans/${ok.data.id}/image`)).rawPayload.length, pointCount: 0 });
  const jpg = await uploadPlan(c, base(), '一车间.jpg', await realImage('image/jpeg', 640, 480));
  assert.equal(jpg.statusCode, 201);
  assert.equal(jpg.data.name, '一车间', 'the file name stands in for a missing name');

  // A GIF called .png: the content decides.
  const gif = await uploadPlan(c, base(), 'fake.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'), undefined, 'image/png');
  assert.equal(gif.statusCode, 415);
  assert.equal(gif.data.error.code, 'UNSUPPORTED_FILE');
  assert.match(gif.data.error.message, /PNG、JPEG 或 SVG/);
  const script = await uploadPlan(c, base(), 'plan.svg', svg('<script>fetch("/api/v1/users")</script>'), '带脚本', 'image/svg+xml');
  assert.equal(script.statusCode, 415);
  assert.match(script.data.error.message, /脚本/);
  const external = await uploadPlan(c, base(), 'plan.svg', svg('<image href="http://evil.example/x.png" width="1" height="1"/>'));
  assert.equal(external.statusCode, 415);
  const big = Buffer.concat([header(4000, 3000), Buffer.alloc(5 * 1024 * 1024)]);
  const tooBig = await uploadPlan(c, base(), 'big.png', big);
  assert.equal(tooBig.statusCode, 413);
  assert.equal(tooBig.data.error.code, 'PAYLOAD_TOO_LARGE');
  assert.match(tooBig.data.error.message, /5 MB/);
  const enOk = multipart([{ name: 'file', filename: 'x.svg', content: svg('<script/>') }]);
  const english = await c.request('POST', `${base()}/floor-plans`, enOk.body, { ...enOk.headers, 'accept-language': 'en-US' });
  assert.match(english.data.error.message, /scripts, event handlers or external references/);
  const noFile = multipart([{ name: 'name', content: 'x' }]);
  const none = await c.request('POST', `${base()}/floor-plans`, noFile.body, noFile.headers);
  assert.equal(none.statusCode, 400);

  const count = await t.db.selectFrom('floor_plans').select('name').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '!=', DEMO_FLOOR_PLAN_NAME).execute();
  assert.deepEqual(count.map((p) => p.name).sort(), ['一车间', '厂区总平面图'].sort(), 'only the two good uploads were stored');
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', ok.data.id).execute();
  assert.deepEqual(audit.map((a) => a.action), ['risk.plan.create']);
  // A reader may not upload.
  const worker = await t.login('worker');
  assert.equal((await uploadPlan(worker, base(), 'p.png', png(10, 10))).statusCode, 403);
});

test('a stored SVG is served under a policy that cannot run script, with its own type and a private cache', async () => {
  const c = await t.login('safety');
  const bytes = svg('<rect x="10" y="10" width="100" height="50" fill="#eee"/>');
  const up = await uploadPlan(c, base(), '仓库.svg', bytes, '仓库平面');
  assert.equal(up.statusCode, 201, up.body);
  assert.deepEqual([up.data.width, up.data.height], [1200, 800]);
  const worker = await t.login('worker');
  const img = await worker.get(`${base()}/floor-plans/${up.data.id}/image`);
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['content-type'], 'image/svg+xml');
  assert.equal(img.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  assert.equal(img.headers['x-content-type-options'], 'nosniff');
  assert.equal(img.headers['cache-control'], 'private, max-age=3600');
  assert.ok(img.rawPayload.equals(bytes), 'the bytes come back unchanged');
  const pngPlan = await uploadPlan(c, base(), 'p.png', png(20, 10));
  const pngImg = await worker.get(`${base()}/floor-plans/${pngPlan.data.id}/image`);
  assert.equal(pngImg.headers['content-type'], 'image/png');
  assert.deepEqual(await decoded(pngImg.rawPayload), { format: 'png', width: 20, height: 10, exif: false, xmp: false }, 'a raster is stored as the platform encoded it');
  const renamed = await c.patch(`${base()}/floor-plans/${up.data.id}`, { name: '成品仓库平面' });
  assert.equal(renamed.statusCode, 200);
  assert.equal(renamed.data.name, '成品仓库平面');
  assert.equal((await c.patch(`${base()}/floor-plans/${up.data.id}`, { name: '' })).statusCode, 400);
  assert.equal((await worker.patch(`${base()}/floor-plans/${up.data.id}`, { name: 'x' })).statusCode, 403);
  const del = await c.delete(`${base()}/floor-plans/${pngPlan.data.id}`);
  assert.equal(del.statusCode, 200);
  assert.equal((await worker.get(`${base()}/floor-plans/${pngPlan.data.id}/image`)).statusCode, 404);
});

test('placing points: markers and polygons on the same enterprise\'s plan; the map counts by grade and the plan cannot be deleted under them', async () => {
  const c = await t.login('safety');
  const plan = await uploadPlan(c, base(), 'map.png', png(1000, 800), '四色图');
  const planId = plan.data.id as string;
  const tank = await pointId('FX-001');
  const reactor = await pointId('FX-002');
  const confined = await pointId('FX-003');
  const office = await pointId('FX-006');
  // The demo draws every point on its own plan: the switch room is taken off it, to be offered for placing.
  assert.equal((await c.put(`${base()}/risk-points/${await pointId('FX-004')}/shape`, { floorPlanId: null, shape: null })).statusCode, 200);
  const marker = await c.put(`${base()}/risk-points/${tank}/shape`, { floorPlanId: planId, shape: { type: 'marker', x: 0.8, y: 0.15 } });
  assert.equal(marker.statusCode, 200, marker.body);
  assert.equal(marker.data.floorPlanId, planId);
  assert.deepEqual(marker.data.shape, { type: 'marker', x: 0.8, y: 0.15 });
  const poly = await c.put(`${base()}/risk-points/${reactor}/shape`, { floorPlanId: planId, shape: { type: 'polygon', points: [[0.1, 0.1], [0.3, 0.1], [0.3, 0.4], [0.1, 0.4]] } });
  assert.equal(poly.statusCode, 200);
  assert.equal((await c.put(`${base()}/risk-points/${confined}/shape`, { floorPlanId: planId, shape: { type: 'marker', x: 0.5, y: 0.5 } })).statusCode, 200);
  assert.equal((await c.put(`${base()}/risk-points/${office}/shape`, { floorPlanId: planId, shape: { type: 'marker', x: 0.2, y: 0.9 } })).statusCode, 200);

  // Coordinates outside the plan, half a placement, and another enterprise's plan are refused.
  assert.equal((await c.put(`${base()}/risk-points/${office}/shape`, { floorPlanId: planId, shape: { type: 'marker', x: 1.2, y: 0.5 } })).statusCode, 400);
  assert.equal((await c.put(`${base()}/risk-points/${office}/shape`, { floorPlanId: null, shape: { type: 'marker', x: 0.2, y: 0.5 } })).statusCode, 400);
  const admin = await t.login('admin');
  const foreignPlan = await uploadPlan(admin, `/api/v1/enterprises/${ids.foreign.id}`, 'f.png', png(10, 10));
  assert.equal(foreignPlan.statusCode, 201);
  const cross = await c.put(`${base()}/risk-points/${office}/shape`, { floorPlanId: foreignPlan.data.id, shape: { type: 'marker', x: 0.2, y: 0.5 } });
  assert.equal(cross.statusCode, 400);
  assert.match(cross.data.error.issues[0].message, /不属于该企业/);

  const map = await c.get(`${base()}/risk-map?floorPlanId=${planId}`);
  assert.equal(map.statusCode, 200, map.body);
  assert.equal(map.data.floorPlan.id, planId);
  assert.equal(map.data.floorPlan.pointCount, 4);
  const grades = await t.db.selectFrom('risk_points').select(['id', 'grade']).where('id', 'in', [tank, reactor, confined, office]).execute();
  const expected = [1, 2, 3, 4].map((g) => grades.filter((p) => p.grade === g).length);
  assert.deepEqual(map.data.legend.map((l: { count: number }) => l.count), expected);
  assert.deepEqual(map.data.legend.map((l: { colour: string; name: string }) => [l.colour, l.name]), [['red', '重大风险'], ['orange', '较大风险'], ['yellow', '一般风险'], ['blue', '低风险']]);
  const tankOnMap = map.data.points.find((p: { id: string }) => p.id === tank);
  assert.deepEqual({ code: tankOnMap.code, grade: tankOnMap.grade, colour: tankOnMap.colour, kind: tankOnMap.kind, orgUnitName: tankOnMap.orgUnitName },
    { code: 'FX-001', grade: 1, colour: 'red', kind: 'place', orgUnitName: '一车间' });
  const reactorOnMap = map.data.points.find((p: { id: string }) => p.id === reactor);
  assert.deepEqual(reactorOnMap.missingR8, ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes'], 'the demo reactor lacks the R-RISK-8 items');
  assert.ok(!map.data.unplaced.some((p: { id: string }) => [tank, reactor, confined, office].includes(p.id)));
  assert.ok(map.data.unplaced.some((p: { code: string }) => p.code === 'FX-004'), 'the undrawn points are offered for placing');
  assert.equal(map.data.canManage, true);

  // Unit leaders see the points of their own branch (一车间) only, as in the ledger.
  const leader = await t.login('leader');
  const leaderMap = await leader.get(`${base()}/risk-map?floorPlanId=${planId}`);
  assert.equal(leaderMap.statusCode, 200);
  assert.deepEqual(leaderMap.data.points.map((p: { code: string }) => p.code).sort(), ['FX-001', 'FX-002']);
  assert.equal(leaderMap.data.canManage, false);
  const plans = await leader.get(`${base()}/floor-plans`);
  assert.equal(plans.data.items.find((p: { id: string }) => p.id === planId).pointCount, 2);
  assert.equal((await leader.put(`${base()}/risk-points/${tank}/shape`, { floorPlanId: null, shape: null })).statusCode, 403);

  const refused = await c.delete(`${base()}/floor-plans/${planId}`);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.data.error.code, 'STATE');
  assert.match(refused.data.error.message, /4 个风险点/);
  for (const id of [tank, reactor, confined, office]) assert.equal((await c.put(`${base()}/risk-points/${id}/shape`, { floorPlanId: null, shape: null })).statusCode, 200);
  const empty = await c.get(`${base()}/risk-map?floorPlanId=${planId}`);
  assert.deepEqual(empty.data.points, []);
  assert.equal((await c.delete(`${base()}/floor-plans/${planId}`)).statusCode, 200);
  const placeAudit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', tank).where('action', '=', 'risk.place').execute();
  assert.equal(placeAudit.length, 2, 'placing and clearing are audited');
});

// How fast it is belongs to the benchmark (bench/risk-map.ts, a ratio to its raw SQL), not to a timed assertion here.
test('the map of 500 points is one request with every point and the legend counts', async () => {
  const c = await t.login('safety');
  const plan = await uploadPlan(c, base(), 'big.png', png(4000, 3000), '500 点');
  const unit = (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '二车间').executeTakeFirstOrThrow()).id;
  await t.db.insertInto('risk_points').values(Array.from({ length: 500 }, (_, i) => ({
    enterprise_id: ids.ownEnterprise.id, code: `MAP-${i}`, name: `点 ${i}`, kind: 'place' as const, org_unit_id: unit, grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    floor_plan_id: plan.data.id, shape: JSON.stringify({ type: 'marker', x: (i % 25) / 25, y: Math.floor(i / 25) / 20 }), created_at: t.clock.now, updated_at: t.clock.now,
  }))).execute();
  const map = await c.get(`${base()}/risk-map?floorPlanId=${plan.data.id}`);
  assert.equal(map.statusCode, 200);
  assert.equal(map.data.points.length, 500);
  assert.deepEqual(map.data.legend.map((l: { count: number }) => l.count), [125, 125, 125, 125]);
  await t.db.deleteFrom('risk_points').where('enterprise_id', '=', ids.ownEnterprise.id).where('code', 'like', 'MAP-%').execute();
});

test('R-RISK-7/8: the notice board lists graded points highest first, with measures by category, the checklist and the emergency phone', async () => {
  const worker = await t.login('worker');
  const board = await worker.get(`${base()}/risk-board`);
  assert.equal(board.statusCode, 200, board.body);
  const ent = await t.db.selectFrom('enterprises').select(['name', 'principal_phone']).where('id', '=', ids.ownEnterprise.id).executeTakeFirstOrThrow();
  assert.equal(board.data.enterprise.name, ent.name);
  assert.equal(board.data.emergencyPhone, ent.principal_phone);
  assert.equal(board.data.alarmPhones, '119/120');
  const grades = board.data.points.map((p: { grade: number }) => p.grade);
  assert.deepEqual(grades, [...grades].sort((a, b) => a - b), 'sorted by grade');
  const tank = board.data.points.find((p: { code: string }) => p.code === 'FX-001');
  assert.equal(tank.colour, 'red');
  assert.deepEqual(tank.measures.map((m: { category: string }) => m.category), ['engineering', 'monitoring', 'isolation', 'ppe', 'management', 'training', 'emergency']);
  assert.deepEqual(tank.measures[0].items, ['储罐设置高低液位报警和紧急切断阀']);
  assert.match(tank.emergencyMeasures, /切断进料阀/);
  assert.deepEqual(tank.checklist, [{ item: 'warningSigns', present: true }, { item: 'monitoring', present: true }, { item: 'emergencyEquipment', present: true }, { item: 'escapeRoutes', present: true }]);
  assert.ok(tank.controllers.some((x: { level: string }) => x.level === 'company'));
  const reactor = board.data.points.find((p: { code: string }) => p.code === 'FX-002');
  assert.ok(reactor.checklist.every((i: { present: boolean }) => !i.present), 'a grade-2 point missing the items shows them unticked');
  const office = board.data.points.find((p: { code: string }) => p.code === 'FX-006');
  assert.equal(office.checklist, null, 'no R-RISK-8 checklist below grade 2');
  assert.equal(board.data.counts[1], board.data.points.filter((p: { grade: number }) => p.grade === 1).length);

  // Without a principal phone, the board falls back to the public numbers.
  await t.db.updateTable('enterprises').set({ principal_phone: '' }).where('id', '=', ids.ownEnterprise.id).execute();
  assert.equal((await worker.get(`${base()}/risk-board`)).data.emergencyPhone, '119/120');
  await t.db.updateTable('enterprises').set({ principal_phone: ent.principal_phone }).where('id', '=', ids.ownEnterprise.id).execute();
});

async function post(name: string, unitName: string) {
  return (await t.db.selectFrom('posts as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id').select('p.id')
    .where('p.enterprise_id', '=', ids.ownEnterprise.id).where('p.name', '=', name).where('u.name', '=', unitName).executeTakeFirstOrThrow()).id;
}

test('the post card shows the post\'s risks and a QR code; its public page opens without a session until the token is revoked', async () => {
  const op = await post('操作工', '甲班');
  const worker = await t.login('worker');
  const before = await worker.get(`${base()}/posts/${op}/risk-card`);
  assert.equal(before.statusCode, 200, before.body);
  assert.equal(before.data.qr, null, 'a reader does not issue tokens');

  const safety = await t.login('safety');
  // D22: reading the card never issues a token; the manager's POST does.
  const unissued = await safety.get(`${base()}/posts/${op}/risk-card`);
  assert.equal(unissued.data.qr, null, 'a GET changes nothing, not even for a manager');
  assert.equal(unissued.data.canManage, true);
  const card = await safety.post(`${base()}/posts/${op}/risk-card`);
  assert.equal(card.statusCode, 200);
  assert.equal(card.data.post.name, '操作工');
  assert.equal(card.data.post.orgUnitName, '甲班');
  assert.deepEqual(card.data.points.map((p: { code: string }) => p.code), ['FX-001', 'FX-002'], 'the points linked to the post, highest grade first');
  assert.equal(card.data.grade, 1);
  assert.equal(card.data.colour, 'red');
  assert.ok(card.data.hazards.includes('储罐泄漏'));
  assert.ok(card.data.accidentTypes.includes('火灾'));
  assert.ok(card.data.emergencyActions.some((a: string) => a.includes('拨打 119')));
  const token = /^\/public\/risk-cards\/([A-Za-z0-9_-]{32})$/.exec(card.data.qr.url)?.[1];
  assert.ok(token, card.data.qr.url);
  assert.match(card.data.qr.svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((await safety.get(`${base()}/posts/${op}/risk-card`)).data.qr.url, card.data.qr.url, 'the same token on the next visit');
  assert.equal((await safety.post(`${base()}/posts/${op}/risk-card`)).data.qr.url, card.data.qr.url, 'issuing again keeps the live token');
  assert.equal((await worker.post(`${base()}/posts/${op}/risk-card`)).statusCode, 403, 'a reader may not issue one');
  assert.equal((await worker.get(`${base()}/posts/${op}/risk-card`)).data.qr.url, card.data.qr.url, 'readers see the live token');

  const anon = t.anonymous();
  const pub = await anon.get(`/api/v1/public/risk-cards/${token}`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.equal(pub.headers['cache-control'], 'no-store');
  assert.equal(pub.data.post.name, '操作工');
  assert.deepEqual(pub.data.points.map((p: { name: string }) => p.name), card.data.points.map((p: { name: string }) => p.name));
  const internal = [ids.ownEnterprise.id, op, ...card.data.points.map((p: { id: string }) => p.id)];
  for (const id of internal) assert.equal(pub.body.includes(id), false, 'no internal ids on the public page');
  assert.equal(pub.body.includes('"id"'), false);

  const revoked = await safety.post(`${base()}/posts/${op}/risk-card/revoke`);
  assert.equal(revoked.statusCode, 200, revoked.body);
  const fresh = revoked.data.qr.url.split('/').pop();
  assert.notEqual(fresh, token);
  assert.equal((await anon.get(`/api/v1/public/risk-cards/${token}`)).statusCode, 404, 'a revoked token opens nothing');
  assert.equal((await anon.get(`/api/v1/public/risk-cards/${fresh}`)).statusCode, 200);
  assert.equal((await anon.get('/api/v1/public/risk-cards/not-a-token')).statusCode, 404);
  assert.equal((await worker.post(`${base()}/posts/${op}/risk-card/revoke`)).statusCode, 403);

  // The card's own trail (other modules record their settings of the post too: the PPE standard of the demo's posts).
  const rows = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', op).where('action', 'like', 'risk.card.%').orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.action), ['risk.card.issue', 'risk.card.revoke']);
  const trail = JSON.stringify(rows);
  assert.equal(trail.includes(token!), false, 'the audit trail never holds a token');
  assert.equal(trail.includes(fresh), false);
});

test('a unit leader reads the cards of his branch only', async () => {
  const leader = await t.login('leader');
  assert.equal((await leader.get(`${base()}/posts/${await post('操作工', '乙班')}/risk-card`)).statusCode, 200);
  assert.equal((await leader.get(`${base()}/posts/${await post('电工', '维修班')}/risk-card`)).statusCode, 404);
  const board = await leader.get(`${base()}/risk-board`);
  assert.ok(board.data.points.every((p: { orgUnitName: string }) => ['一车间', '甲班', '乙班'].includes(p.orgUnitName)));
});

test('scope: another enterprise\'s principal and another subdistrict\'s officer get 404 on every map, plan and card route', async () => {
  const safety = await t.login('safety');
  const plan = await uploadPlan(safety, base(), 's.png', png(10, 10));
  const op = await post('操作工', '甲班');
  const point = await pointId('FX-001');
  const other = await makeUser('otherboss', { role: 'enterprise_principal', enterpriseId: ids.foreign.id });
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const officer = await makeUser('taiheofficer', { role: 'subdistrict_officer', subdistrictId: taihe.id });
  for (const [who, c] of [['principal of another enterprise', other], ['officer of another subdistrict', officer]] as const) {
    const reads = await Promise.all([
      c.get(`${base()}/floor-plans`), c.get(`${base()}/floor-plans/${plan.data.id}/image`), c.get(`${base()}/risk-map`),
      c.get(`${base()}/risk-map?floorPlanId=${plan.data.id}`), c.get(`${base()}/risk-board`), c.get(`${base()}/posts/${op}/risk-card`),
    ]);
    assert.deepEqual(reads.map((r) => r.statusCode), [404, 404, 404, 404, 404, 404], who);
  }
  const writes = await Promise.all([
    uploadPlan(other, base(), 'x.png', png(10, 10)),
    other.patch(`${base()}/floor-plans/${plan.data.id}`, { name: 'x' }),
    other.delete(`${base()}/floor-plans/${plan.data.id}`),
    other.put(`${base()}/risk-points/${point}/shape`, { floorPlanId: null, shape: null }),
    other.post(`${base()}/posts/${op}/risk-card/revoke`),
    other.post(`${base()}/posts/${op}/risk-card`),
  ]);
  assert.deepEqual(writes.map((r) => r.statusCode), [404, 404, 404, 404, 404, 404]);
  // The officer of the enterprise's own subdistrict reads, and may not write.
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.get(`${base()}/risk-map`)).statusCode, 200);
  const card = await guanshang.get(`${base()}/posts/${op}/risk-card`);
  assert.equal(card.statusCode, 200);
  assert.equal(card.data.canManage, false);
  assert.equal((await guanshang.put(`${base()}/risk-points/${point}/shape`, { floorPlanId: null, shape: null })).statusCode, 403);
  assert.equal((await uploadPlan(guanshang, base(), 'x.png', png(10, 10))).statusCode, 403);
});

test('a plan whose only drawn points are archived can be deleted: archived points are on no map', async () => {
  const c = await t.login('safety');
  const plan = await uploadPlan(c, base(), 'old.png', png(100, 100), '旧平面图');
  const unit = (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '设备部').executeTakeFirstOrThrow()).id;
  const p = await c.post(`${base()}/risk-points`, { name: '旧锅炉', kind: 'equipment', orgUnitId: unit });
  assert.equal((await c.put(`${base()}/risk-points/${p.data.id}/shape`, { floorPlanId: plan.data.id, shape: { type: 'marker', x: 0.5, y: 0.5 } })).statusCode, 200);
  assert.equal((await c.delete(`${base()}/floor-plans/${plan.data.id}`)).statusCode, 409);
  assert.equal((await c.delete(`${base()}/risk-points/${p.data.id}`)).statusCode, 200);
  assert.equal((await c.delete(`${base()}/floor-plans/${plan.data.id}`)).statusCode, 200);
  const archived = await t.db.selectFrom('risk_points').select(['floor_plan_id', 'shape', 'status']).where('id', '=', p.data.id).executeTakeFirstOrThrow();
  assert.deepEqual(archived, { floor_plan_id: null, shape: null, status: 'archived' });
});

test('the public card route is rate-limited to 60 requests a minute', async () => {
  const anon = t.anonymous();
  const codes: number[] = [];
  for (let i = 0; i < 61; i++) codes.push((await anon.get('/api/v1/public/risk-cards/unknown-token')).statusCode);
  assert.ok(codes.slice(0, 50).every((s) => s === 404));
  assert.equal(codes[60], 429);
});

test('card tokens never reach the logs, even at trace level', async () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (c: Buffer) => { out += c.toString(); });
  const platform = await createPlatform(loadConfig({}, { dataDir: 'memory://', databaseUrl: '', logLevel: 'trace', jobsEnabled: false, webDist: '/none' }), { logStream: stream });
  try {
    const login = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'safety', password: DEMO_PASSWORD } });
    const cookie = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const db = platform.database.db;
    const p = await db.selectFrom('posts as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id').innerJoin('users as s', 's.enterprise_id', 'p.enterprise_id')
      .select(['p.id', 'p.enterprise_id']).where('s.username', '=', 'safety').where('p.name', '=', '操作工').where('u.name', '=', '甲班').executeTakeFirstOrThrow();
    const card = await platform.app.inject({ method: 'POST', url: `/api/v1/enterprises/${p.enterprise_id}/posts/${p.id}/risk-card`, headers: { cookie, 'x-csrf-token': csrf } });
    const token = (card.json() as { qr: { url: string } }).qr.url.split('/').pop()!;
    assert.equal((await platform.app.inject({ method: 'GET', url: `/api/v1/public/risk-cards/${token}` })).statusCode, 200);
    const revoke = await platform.app.inject({ method: 'POST', url: `/api/v1/enterprises/${p.enterprise_id}/posts/${p.id}/risk-card/revoke`, headers: { cookie, 'x-csrf-token': csrf } });
    const fresh = (revoke.json() as { qr: { url: string } }).qr.url.split('/').pop()!;
    assert.equal((await platform.app.inject({ method: 'GET', url: `/api/v1/public/risk-cards/${token}?x=1` })).statusCode, 404);
    assert.ok(out.includes('/api/v1/public/risk-cards/:token'), 'the request was logged, by its route pattern');
    for (const secret of [token, fresh]) assert.equal(out.includes(secret), false, 'a card token is in the logs');
  } finally {
    await platform.close();
  }
});
