import type { Db } from '../platform/db/database';
import { uploadSignatureImage } from '../platform/signatures/signatures.routes';
import { addLocalDays, addLocalMonths, localDay, startOfLocalDay } from '../platform/time';
import { issuePpe, setPostStandard, signIssueFor, signMyIssue } from '../modules/management/ppe/ppe.service';
import { PPE_RULES } from '../modules/management/ppe/ppe.rule-sets';
import { requiredFor } from '../modules/management/ppe/ppe.rules';
import { accountActor, seedCtx } from './demo-actors';
import { png } from './demo-images';
import { DEMO_PASSWORD } from './demo-password';

/** The demo plant's posts and the post type each is mapped to (the managers' office posts are left unmapped). */
const POST_TYPES: Record<string, string> = { 操作工: 'chemical', 电工: 'electrician', 焊工: 'welder', 登高架设作业人员: 'height', 叉车司机: 'general' };

/*
 * Issue 13 §3, R-PPE-1, the demo chemical plant's protective equipment, played through the service: its posts mapped to
 * post types (the welders' post with its own list: gloves every two months), every item the posts require issued three
 * weeks ago by the safety manager — except one welder's welding mask (the gap) — and the electrician's insulating
 * gloves issued seven months ago on a six-month cycle (the replacement overdue). The account holders sign on their
 * phones (the demo worker leaves one receipt for himself to sign), three people without an account on the safety
 * office's shared tablet; the others' receipts await.
 */
export async function seedDemoPpe(db: Db, input: { enterpriseId: string; now: Date; idLast4?: ReadonlyMap<string, string> }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const safety = await accountActor(db, 'safety');
  const ctx = seedCtx(safety, now);
  const today = localDay(now);
  const posts = await db.selectFrom('posts').select(['id', 'name']).where('enterprise_id', '=', eid).execute();
  for (const p of posts) {
    const postType = POST_TYPES[p.name];
    if (!postType) continue;
    const items = p.name === '焊工'
      ? requiredFor({ postType, items: null }, PPE_RULES.defaults.standards).map((l) => (l.item === 'gloves' ? { ...l, cycleMonths: 2 } : l))
      : null;
    await setPostStandard(db, ctx, eid, p.id, { postType, items });
  }
  const people = await db.selectFrom('employee_posts as ep')
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .select(['ep.employee_id', 'p.name']).where('ep.enterprise_id', '=', eid).where('e.status', '=', 'active').orderBy('e.name').orderBy('e.id').execute();
  const byItem = new Map<string, string[]>();
  for (const person of people) {
    const postType = POST_TYPES[person.name];
    if (!postType) continue;
    for (const l of requiredFor({ postType, items: null }, PPE_RULES.defaults.standards)) byItem.set(l.item, [...(byItem.get(l.item) ?? []), person.employee_id]);
  }
  const welder = people.find((p) => p.name === '焊工')?.employee_id;
  const electrician = people.find((p) => p.name === '电工')?.employee_id;
  // Issued at ten on the issue day, signed for an hour later.
  const at = (day: string, h: number) => new Date(startOfLocalDay(day).getTime() + h * 3_600_000);
  const issuedOn = addLocalDays(today, -21);
  const created: { id: string; employeeId: string; signAt: Date }[] = [];
  if (electrician) {
    const day = addLocalMonths(today, -7);
    const old = await issuePpe(db, seedCtx(safety, at(day, 10)), eid, { employeeIds: [electrician], item: 'insulating_gloves', issuedOn: day, note: '' });
    created.push(...old.items.map((i) => ({ id: i.id, employeeId: i.employeeId, signAt: at(day, 11) })));
  }
  for (const [item, ids] of byItem) {
    const employeeIds = ids.filter((id) => !(item === 'welding_mask' && id === welder) && !(item === 'insulating_gloves' && id === electrician));
    if (!employeeIds.length) continue;
    const batch = await issuePpe(db, seedCtx(safety, at(issuedOn, 10)), eid, { employeeIds, item, issuedOn, note: '' });
    created.push(...batch.items.map((i) => ({ id: i.id, employeeId: i.employeeId, signAt: at(issuedOn, 11) })));
  }

  const accounts = new Map((await db.selectFrom('users').select(['username', 'employee_id']).where('enterprise_id', '=', eid).where('disabled', '=', false).execute())
    .filter((u) => u.employee_id).map((u) => [u.employee_id!, u.username]));
  let leftForWorker = false;
  const proxied = new Set<string>();
  let n = 0;
  for (const c of created) {
    const username = accounts.get(c.employeeId);
    if (username) {
      if (username === 'worker' && !leftForWorker) { leftForWorker = true; continue; }
      await signMyIssue(db, seedCtx(await accountActor(db, username), c.signAt), c.id, { method: 'password', password: DEMO_PASSWORD, device: '手机' });
      n++;
      continue;
    }
    const last4 = input.idLast4?.get(c.employeeId);
    if (!last4 || (!proxied.has(c.employeeId) && proxied.size >= 3)) continue;
    proxied.add(c.employeeId);
    const op = seedCtx(safety, c.signAt);
    const image = await uploadSignatureImage(db, op, eid, png(240, 90, 700 + n));
    await signIssueFor(db, op, eid, c.id, { idLast4: last4, imageAttachmentId: image.id, device: '安全管理部门共用平板' });
    n++;
  }
  return created.length;
}
