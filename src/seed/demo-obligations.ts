import type { Db } from '../platform/db/database';
import { localDay, localInstant, localYear, localFields, startOfLocalDay, addLocalDays } from '../platform/time';
import { png } from './demo-images';
import { runObligationsDay } from '../modules/obligations';
import { submitEvidence, confirmEvidence, waiveOccurrence } from '../modules/obligations/obligation.views';
import { draftCommitment, reportCommitment, signCommitment } from '../modules/responsibility/letters/commitment.service';
import { createCampaign, listLetters, signLetter } from '../modules/responsibility/letters/letters.service';
import { letterListQuery } from '../modules/responsibility/letters/letters.schema';
import { startSignatures } from '../platform/signatures';
import { uploadSignatureImage } from '../platform/signatures/signatures.routes';
import { DEMO_PASSWORD } from './demo-password';
import { accountActor, seedCtx } from './demo-actors';

/*
 * Issue 11, "Done means": the demo chemical plant's year of duties, played through the services on a clock set to each
 * step's time. The daily job runs on the first of every month since January (opening the periods as they come); the
 * principal fulfils most past "ten ones" with evidence a few days before they are due, a few after (late), the safety
 * manager uploads two that the principal then confirms, one inspection is waived (the plant stopped for the Spring
 * Festival), and two are left overdue. The principal signs the year's commitment in January and reports it every
 * quarter; the all-staff letters are signed in March by the account holders (password) and, on the team leader's
 * phone, by the workers without accounts (drawn signature + the last four digits of their ID); the demo worker's own
 * letter and two others are left pending.
 */

const EVIDENCE_KEYS = ['resp.ten.inspection', 'resp.ten.training_check', 'resp.ten.meeting', 'resp.ten.rules_review', 'resp.ten.investment_check', 'resp.ten.plan_review', 'resp.ten.drill', 'resp.ten.congress_report'];

export async function seedDemoObligations(db: Db, input: { enterpriseId: string; now: Date; idSecret: string; idLast4: ReadonlyMap<string, string> }): Promise<{ fulfilled: number; late: number; overdue: number; waived: number }> {
  const { enterpriseId: eid, now } = input;
  // The keyed hashes of the last four ID characters, which signing for another checks (the seed wrote the roster by SQL).
  await startSignatures(db, input.idSecret);
  const year = localYear(now);
  const month = localFields(now).m;
  const principal = await accountActor(db, 'principal');
  const safety = await accountActor(db, 'safety');
  const leader = await accountActor(db, 'leader');
  const at = (day: string, hour = 10) => new Date(startOfLocalDay(day).getTime() + hour * 3_600_000);
  const outboxBefore = String((await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);

  // The commitment: drafted from data and signed by the principal in January, reported each quarter.
  const jan = at(`${year}-01-06`);
  const draft = await draftCommitment(db, seedCtx(principal, jan), eid, { year });
  await signCommitment(db, seedCtx(principal, at(`${year}-01-06`, 11)), eid, draft.id, { method: 'password', password: DEMO_PASSWORD, device: '主要负责人手机' });

  for (let m = 0; m <= month; m++) {
    const first = localInstant(year, m, 1, 6);
    if (first.getTime() > now.getTime()) break;
    await runObligationsDay(db, first, { notify: false, enterpriseId: eid });
    // The commitment is reported in the first month of each quarter.
    if (m % 3 === 0) await reportCommitment(db, seedCtx(safety, at(`${year}-${String(m + 1).padStart(2, '0')}-08`)), eid, draft.id);
  }

  // The all-staff letters, in March: account holders sign themselves, the others on the team leader's phone.
  if (month >= 2) {
    const campaignAt = at(`${year}-03-02`);
    const campaign = await createCampaign(db, seedCtx(safety, campaignAt), eid, { year, kind: 'responsibility', startsOn: `${year}-03-02` });
    const letters = (await listLetters(db, seedCtx(safety, campaignAt), eid, campaign.id, letterListQuery.parse({ pageSize: 200 }))).items;
    const accounts = new Map((await db.selectFrom('users').select(['username', 'employee_id']).where('enterprise_id', '=', eid).execute()).map((u) => [u.employee_id, u.username]));
    const people = await db.selectFrom('employees as e')
      .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
      .select(['e.id', 'u.path']).where('e.enterprise_id', '=', eid).execute();
    // The 一车间 leader's phone serves his workshop; the safety office's tablet everyone else.
    const leaderPath = leader.scope.kind === 'enterprise' ? leader.scope.unitPath : null;
    const inLeaderBranch = new Set(people.filter((e) => leaderPath && e.path.startsWith(leaderPath)).map((e) => e.id));
    let pendingLeft = 2;
    for (const [i, l] of letters.entries()) {
      const when = at(addLocalDays(`${year}-03-03`, i % 10), 9 + (i % 8));
      const username = accounts.get(l.employeeId);
      // The demo worker's own letter is left for him to sign on his phone.
      if (username === 'worker') continue;
      if (username) {
        const a = await accountActor(db, username);
        await signLetter(db, seedCtx(a, when), eid, l.id, { method: 'password', password: DEMO_PASSWORD, device: '手机' });
      } else if (pendingLeft > 0 && i > 4) {
        pendingLeft--;
      } else {
        const operator = inLeaderBranch.has(l.employeeId) ? leader : safety;
        const image = await uploadSignatureImage(db, seedCtx(operator, when), eid, png(240, 90, i));
        await signLetter(db, seedCtx(operator, when), eid, l.id, {
          method: 'proxy_pad', imageAttachmentId: image.id, idLast4: input.idLast4.get(l.employeeId)!,
          device: operator === leader ? '一车间班组共用平板' : '安全管理部门共用平板',
        });
      }
    }
  }

  // The "ten ones" whose day has passed: evidence, a few late, two overdue, one waived.
  const today = localDay(now);
  const past = await db.selectFrom('obligation_occurrences').select(['id', 'definition_key', 'period_key', 'due_on'])
    .where('enterprise_id', '=', eid).where('definition_key', 'in', EVIDENCE_KEYS).where('due_on', '<', today)
    .where('status', 'in', ['due', 'overdue']).orderBy('due_on').orderBy('definition_key').execute();
  const out = { fulfilled: 0, late: 0, overdue: 0, waived: 0 };
  for (const [i, o] of past.entries()) {
    if (o.definition_key === 'resp.ten.inspection' && o.period_key === `${year}-02`) {
      await waiveOccurrence(db, seedCtx(principal, at(`${year}-02-03`)), eid, o.id, '春节期间全厂停产检修，本月不开展带队全面检查（经主要负责人批准）');
      out.waived++;
      continue;
    }
    if (out.overdue < 2 && (o.period_key === `${year}-Q2` || o.period_key === `${year}-08`) && o.definition_key !== 'resp.ten.meeting') {
      out.overdue++;
      continue;
    }
    // Late ones are fulfilled six days after their due day, so only those due a week or more ago (never in the future).
    const late = i % 5 === 3 && addLocalDays(o.due_on, 7) < today;
    const when = at(addLocalDays(o.due_on, late ? 6 : -3), 15);
    const note = late ? '补充上传：检查记录及照片（本期逾期后完成）' : '本期履职记录及现场照片';
    if (i % 7 === 2) {
      // The safety manager uploads; the evidence waits for the principal, who confirms it the next morning.
      await submitEvidence(db, seedCtx(safety, when), eid, o.id, { note, files: [{ buffer: png(64, 48, i), filename: '记录.png' }] });
      await confirmEvidence(db, seedCtx(principal, new Date(Math.min(when.getTime() + 18 * 3_600_000, now.getTime()))), eid, o.id);
    } else {
      await submitEvidence(db, seedCtx(principal, when), eid, o.id, { note, files: [{ buffer: png(64, 48, i), filename: '记录.png' }] });
    }
    if (late) out.late++;
    out.fulfilled++;
  }
  await runObligationsDay(db, now);
  // What the past steps sent is settled (processed, not delivered): only today's reminders reach the bell.
  await db.updateTable('outbox').set({ processed_at: now }).where('id', '>', outboxBefore).where('processed_at', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  return out;
}
