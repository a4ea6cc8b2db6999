import { createHash } from 'node:crypto';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { canonicalJson } from '../audit/canonical';
import { writeAudit, writeAudits, type AuditEntry } from '../audit/audit';
import { requireActor, unitSubtree, type Actor, type Ctx } from '../auth/actor';
import { verifyPassword } from '../auth/password';
import { isEnterpriseManager } from '../auth/policy';
import { PREPARED, type Executor, type Tx } from '../db/database';
import type { SignatureMethod } from '../db/schema';
import { enterpriseInScope, requireInScope, type AnyScope } from '../db/scope';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { asBuffer, linkFiles, registerAttachmentOwner } from '../files/attachments';
import { ID_LAST4, idLast4Matches } from './id-last4';

/*
 * Issue 11: electronic signatures (the platform's, used by every module whose documents people sign: letters and
 * commitments, later acknowledgements and sign-in sheets). A signature binds a person to one version of a document
 * through the SHA-256 of the exact content signed (canonical JSON, platform/audit/canonical.ts); it is written once,
 * with its audit row, in the caller's transaction, and the database refuses to change it (migration 0082).
 */

/** How a person signs: drawn on their own device, confirmed with their password, or drawn on someone else's device. */
export type SignMethod = Exclude<SignatureMethod, 'paper'>;
/** The one signing: an account holder (only ever the caller), or an employee without an account (sign for another). */
export type Signer = { userId: string } | { employeeId: string; idLast4: string };

export type SignInput = {
  enterpriseId: string;
  /** The kind of document (`letter`, `commitment`): lower case, dotted. */
  documentType: string;
  documentId: string;
  documentVersion: number;
  /** What is signed, exactly: hashed as canonical JSON. */
  content: unknown;
  signer: Signer;
  method: SignMethod;
  /** The drawn PNG (pad, proxy_pad), uploaded by the caller as a `signature` attachment and not used before. */
  imageAttachmentId?: string;
  /** The caller's own password (method `password`). */
  password?: string;
  /** The device it was signed on, as the client names it (a kiosk's name, the browser). */
  device?: string;
  /** What `verifySigner` returned for this signing, when it was called before the transaction. */
  proof?: SignerProof;
  /**
   * What the owning module writes and reads in the signature's own statement, sparing statements of its own: `write`
   * is a data-modifying statement in parentheses, given the new signature's id (the document marked signed); `read`
   * are values read beside it (named in lower case), returned as `SignResult.companion`. Both of a fixed shape.
   */
  companion?: SignCompanion;
};

export type SignCompanion = {
  write?: (signatureId: RawBuilder<string>) => RawBuilder<Record<string, never>>;
  read?: Record<string, RawBuilder<unknown>>;
};

/** The signature written, as the document shows it. */
export type SignResult = {
  id: string; contentSha256: string; signerName: string; signerUserId: string | null; signerEmployeeId: string | null; method: SignMethod;
  imageAttachmentId: string | null; operatorUserId: string | null; device: string; signedAt: Date;
  /** The values of `SignInput.companion.read`, by name. */
  companion: Record<string, unknown>;
};

export type SignatureView = {
  id: string; documentType: string; documentId: string; documentVersion: number; contentSha256: string;
  signerUserId: string | null; signerEmployeeId: string | null; signerName: string; method: SignatureMethod;
  imageAttachmentId: string | null; operatorUserId: string | null; device: string; signedAt: Date;
  confirmedBy: string | null; confirmedAt: Date | null;
  /** Whether it counts as signed: every signature but a paper row not yet confirmed. */
  counts: boolean;
};

/** Guessing the last four or a password: at most this many wrong answers per person per hour. */
export const MAX_FAILURES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

/** The SHA-256 (hex) of a document's content as canonical JSON: keys sorted, dates as ISO text. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const refused = (code: 'STATE' | 'CONFLICT', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });
const notSignable = () => refused('STATE', 'NOT_SIGNABLE', 'signature.refused.notSignable');

/** An image is printed on the documents its signature is on: managers see every one, people their own. */
registerAttachmentOwner('signature', {
  lockOnLink: true,
  visibleTo: (viewer, link) => {
    const l = (c: string) => sql.ref(`${link}.${c}`);
    if (viewer.scope.kind !== 'enterprise' || viewer.scope.capacity === 'manager') return sql<SqlBool>`true`;
    return sql<SqlBool>`exists (select 1 from signatures vs where vs.enterprise_id = ${l('enterprise_id')} and vs.id = ${l('owner_id')}
      and (vs.signer_user_id = ${viewer.userId} or vs.operator_user_id = ${viewer.userId}))`;
  },
});
/** A scanned paper list: its managers, and the account that recorded it. */
registerAttachmentOwner('signature_paper_list', {
  lockOnLink: true,
  visibleTo: (viewer, link) => {
    const l = (c: string) => sql.ref(`${link}.${c}`);
    if (viewer.scope.kind !== 'enterprise' || viewer.scope.capacity === 'manager') return sql<SqlBool>`true`;
    return sql<SqlBool>`exists (select 1 from signatures vs where vs.enterprise_id = ${l('enterprise_id')}
      and vs.image_attachment_id = ${l('owner_id')} and vs.operator_user_id = ${viewer.userId})`;
  },
});

// ---- who signs ----

type EmployeeRow = {
  enterprise_id: string; id: string; name: string; status: 'active' | 'left'; id_last4_hash: string | null; id_number_masked: string; unit_path: string;
  has_account: boolean;
};

/** The person, their unit's path and whether they have an account of their own: one statement. */
async function loadEmployee(db: Executor, enterpriseId: string, employeeId: string): Promise<EmployeeRow | undefined> {
  return db.selectFrom('employees as e').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['e.enterprise_id', 'e.id', 'e.name', 'e.status', 'e.id_last4_hash', 'e.id_number_masked', 'u.path as unit_path'])
    .select((eb) => eb.exists(eb.selectFrom('users as au').select('au.id').whereRef('au.enterprise_id', '=', 'e.enterprise_id')
      .whereRef('au.employee_id', '=', 'e.id').where('au.disabled', '=', false)).$castTo<boolean>().as('has_account'))
    .where('e.enterprise_id', '=', enterpriseId).where('e.id', '=', employeeId).executeTakeFirst();
}

/**
 * Sign for another: the operator is a manager of the enterprise or a unit leader (then the person is in his branch);
 * the person is active in the enterprise and has no account of their own (who has one signs it themselves).
 */
async function proxyTarget(db: Executor, actor: Actor, enterpriseId: string, employeeId: string): Promise<EmployeeRow> {
  const s = actor.scope;
  if (s.kind !== 'enterprise' || s.enterpriseId !== enterpriseId || s.capacity === 'employee') {
    throw new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });
  }
  const employee = await loadEmployee(db, enterpriseId, employeeId);
  const subtree = unitSubtree(s);
  if (!employee || (subtree !== null && !employee.unit_path.startsWith(subtree))) throw notFound();
  if (employee.status !== 'active') throw notSignable();
  if (employee.has_account) throw refused('STATE', 'HAS_ACCOUNT', 'signature.refused.hasAccount');
  return employee;
}

async function recentFailures(db: Executor, enterpriseId: string, who: { employeeId: string } | { userId: string }, now: Date): Promise<number> {
  let q = db.selectFrom('signature_failures').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId).where('at', '>', new Date(now.getTime() - HOUR_MS));
  q = 'employeeId' in who ? q.where('employee_id', '=', who.employeeId) : q.where('user_id', '=', who.userId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

const tooMany = () => new AppError('RATE_LIMITED', { reason: 'TOO_MANY_ATTEMPTS', messageKey: 'signature.tooManyAttempts' });
const wrongLast4 = () => invalid('body.idLast4', 'signature.idLast4.wrong');
const wrongPassword = () => invalid('body.password', 'signature.password.wrong');

/** What a successful `verifySigner` hands to `signDocument`: only this process can make one. */
const PROOF = Symbol('signer proof');
export type SignerProof = { readonly [PROOF]: { userId: string; enterpriseId: string; method: SignMethod; subject: string } };

const subjectOf = (signer: Signer) => ('userId' in signer ? `user:${signer.userId}` : `employee:${signer.employeeId}`);

/**
 * Checks who signs before the signing transaction opens, and counts a wrong answer where it stays counted: a wrong
 * password or last four is recorded in its own statement (a transaction that throws would take the count back with it).
 * Call it with the database, not a transaction. The proof it returns spares `signDocument` a second Argon2 check.
 * Wrong → 400 at `body.password` / `body.idLast4`; five wrong within the hour → 429 `TOO_MANY_ATTEMPTS`.
 */
export async function verifySigner(db: Executor, ctx: Ctx, input: Pick<SignInput, 'enterpriseId' | 'signer' | 'method' | 'password'>): Promise<SignerProof> {
  const actor = requireActor(ctx);
  await requireInScope(db, actor.scope, input.enterpriseId);
  const proof: SignerProof = { [PROOF]: { userId: actor.userId, enterpriseId: input.enterpriseId, method: input.method, subject: subjectOf(input.signer) } };
  if ('employeeId' in input.signer) {
    if (input.method !== 'proxy_pad') throw notSignable();
    const employee = await proxyTarget(db, actor, input.enterpriseId, input.signer.employeeId);
    if (!ID_LAST4.test(input.signer.idLast4.trim().toUpperCase())) throw invalid('body.idLast4', 'signature.idLast4.format');
    if (await recentFailures(db, input.enterpriseId, { employeeId: employee.id }, ctx.now) >= MAX_FAILURES_PER_HOUR) throw tooMany();
    if (!idLast4Matches(employee, input.signer.idLast4)) {
      await db.insertInto('signature_failures').values({
        enterprise_id: input.enterpriseId, employee_id: employee.id, operator_user_id: actor.userId, method: 'proxy_pad', at: ctx.now,
      }).execute();
      throw wrongLast4();
    }
    return proof;
  }
  if (input.signer.userId !== actor.userId) throw forbidden();
  if (input.method === 'proxy_pad') throw notSignable();
  if (input.method === 'password') {
    if (await recentFailures(db, input.enterpriseId, { userId: actor.userId }, ctx.now) >= MAX_FAILURES_PER_HOUR) throw tooMany();
    const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!input.password || !(await verifyPassword(user.password_hash, input.password))) {
      await db.insertInto('signature_failures').values({ enterprise_id: input.enterpriseId, user_id: actor.userId, method: 'password', at: ctx.now }).execute();
      throw wrongPassword();
    }
  }
  return proof;
}

function proofHolds(proof: SignerProof | undefined, actor: Actor, input: SignInput): boolean {
  const p = proof?.[PROOF];
  return !!p && p.userId === actor.userId && p.enterpriseId === input.enterpriseId && p.method === input.method && p.subject === subjectOf(input.signer);
}

const badImage = () => invalid('body.imageAttachmentId', 'signature.image.invalid');

/**
 * What may stand in the way, read in the statement that reads the signer (or alone): a signature of this version by
 * the same person (`had`: `PAPER_PENDING` for a paper row not confirmed yet, else `ALREADY_SIGNED`), and the drawn
 * image (`image_id`): a `signature` file of the enterprise the caller uploaded and no
 * signature took yet.
 */
function obstacles(input: SignInput, actor: Actor, who: { userId: RawBuilder<string | null> | string | null; employeeId: RawBuilder<string | null> | string | null }) {
  const had = sql<'PAPER_PENDING' | 'ALREADY_SIGNED' | null>`(select case when s.method = 'paper' and s.confirmed_at is null then 'PAPER_PENDING' else 'ALREADY_SIGNED' end
    from signatures s where s.enterprise_id = ${input.enterpriseId} and s.document_type = ${input.documentType}
      and s.document_id = ${input.documentId} and s.document_version = ${input.documentVersion}
      and (s.signer_user_id = ${who.userId}::uuid or s.signer_employee_id = ${who.employeeId}::uuid) limit 1)`;
  const imageId = input.method === 'password' ? undefined : input.imageAttachmentId;
  const wanted = !!imageId && /^[0-9a-f-]{36}$/i.test(imageId);
  const image = wanted
    ? sql`(select a.id from attachments a where a.enterprise_id = ${input.enterpriseId} and a.id = ${imageId}::uuid
        and a.kind = 'signature' and a.uploaded_by = ${actor.userId}
        and not exists (select 1 from attachment_links l where l.enterprise_id = a.enterprise_id and l.attachment_id = a.id))`
    : sql`null`;
  return [had.as('had'), image.$castTo<string | null>().as('image_id')] as const;
}

/**
 * Signs one version of a document, in the caller's transaction, with its audit rows: `pad` (the caller draws), `password`
 * (the caller types their password) or `proxy_pad` (sign for another: an employee without an account draws on the
 * caller's device and confirms with the last four of their ID number). The enterprise outside the caller's scope is
 * 404; a second signature of the same version by the same person is 409 `ALREADY_SIGNED`. The module owning the
 * document decides whether it may be signed at all (and by whom) before calling.
 *
 * Two statements besides the audit rows: the signer with what may stand in the way, then the signature written with
 * its image linked and locked. An image taken meanwhile by another signing (it waits for that one's lock on the
 * image) is refused like any used image. Its audit rows go with the transaction's others, appended before it commits.
 */
export async function signDocument(tx: Tx, ctx: Ctx, input: SignInput): Promise<SignResult> {
  const actor = requireActor(ctx);
  await requireInScope(tx, actor.scope, input.enterpriseId);
  if (!/^[a-z][a-z0-9_.]{0,39}$/.test(input.documentType) || !(input.documentVersion >= 1)) throw new Error(`signDocument: bad document ${input.documentType} v${input.documentVersion}`);
  const contentSha256 = contentHash(input.content);
  const verified = proofHolds(input.proof, actor, input);

  let signer: { userId: string | null; employeeId: string | null; name: string };
  let operator: string | null = null;
  let found: { had: 'PAPER_PENDING' | 'ALREADY_SIGNED' | null; image_id: string | null };
  if ('employeeId' in input.signer) {
    if (input.method !== 'proxy_pad') throw notSignable();
    const employee = await proxyTarget(tx, actor, input.enterpriseId, input.signer.employeeId);
    if (!verified) {
      // Not verified before the transaction: checked here, a wrong answer refused without being counted.
      if (await recentFailures(tx, input.enterpriseId, { employeeId: employee.id }, ctx.now) >= MAX_FAILURES_PER_HOUR) throw tooMany();
      if (!idLast4Matches(employee, input.signer.idLast4)) throw wrongLast4();
    }
    signer = { userId: null, employeeId: employee.id, name: employee.name };
    operator = actor.userId;
    found = await tx.selectNoFrom(obstacles(input, actor, { userId: null, employeeId: employee.id })).executeTakeFirstOrThrow();
  } else {
    if (input.signer.userId !== actor.userId) throw forbidden();
    if (input.method === 'proxy_pad') throw notSignable();
    const user = await tx.selectFrom('users as u')
      .leftJoin('employees as e', (j) => j.onRef('e.id', '=', 'u.employee_id').on('e.enterprise_id', '=', input.enterpriseId))
      .select(['u.id', 'u.display_name', 'u.password_hash', 'u.enterprise_id', 'e.id as employee_id', 'e.name as employee_name', 'e.status as employee_status'])
      .select(obstacles(input, actor, { userId: sql.ref<string | null>('u.id'), employeeId: sql.ref<string | null>('e.id') }))
      .where('u.id', '=', actor.userId).modifyEnd(PREPARED).executeTakeFirstOrThrow();
    // One signs documents of one's own enterprise only.
    if (user.enterprise_id !== input.enterpriseId || user.employee_status === 'left') throw notSignable();
    if (input.method === 'password' && !verified) {
      if (await recentFailures(tx, input.enterpriseId, { userId: actor.userId }, ctx.now) >= MAX_FAILURES_PER_HOUR) throw tooMany();
      if (!input.password || !(await verifyPassword(user.password_hash, input.password))) throw wrongPassword();
    }
    signer = { userId: user.id, employeeId: user.employee_id, name: (user.employee_name ?? user.display_name).slice(0, 100) };
    found = user;
  }

  if (found.had) {
    throw found.had === 'PAPER_PENDING'
      ? refused('STATE', 'PAPER_PENDING', 'signature.refused.paperPending')
      : refused('STATE', 'ALREADY_SIGNED', 'signature.refused.alreadySigned');
  }
  const imageId = input.method === 'password' ? null : found.image_id;
  if (input.method !== 'password' && !imageId) throw badImage();
  const device = (input.device ?? '').slice(0, 200);
  const values = {
    enterprise_id: input.enterpriseId, document_type: input.documentType, document_id: input.documentId, document_version: input.documentVersion,
    content_sha256: contentSha256, signer_user_id: signer.userId, signer_employee_id: signer.employeeId, signer_name: signer.name,
    method: input.method, image_attachment_id: imageId, operator_user_id: operator, device, ip: ctx.ip, signed_at: ctx.now,
  };
  const companion = input.companion ?? {};
  const names = Object.keys(companion.read ?? {});
  if (names.some((n) => !/^[a-z][a-z0-9_]{0,30}$/.test(n))) throw new Error(`signDocument: bad companion names ${names.join(', ')}`);
  const reads = names.map((n) => companion.read![n]!.as(`companion_${n}`));
  const write = companion.write?.(sql<string>`(select id from sig)`);
  const sigCte = tx.with('sig', (db) => db.insertInto('signatures').values(values).returning('id'));
  // The companion's write, when there is one, in the same statement (it sees the signature's id, not the row).
  const withWrite = <T extends typeof sigCte>(q: T): T => (write ? q.with('companion', () => write) as unknown as T : q);
  let row: { id: string; locked: number | string } & Record<string, unknown>;
  if (imageId) {
    // The image is linked to the signature and locked with it (the `signature` owner locks on link, as linkFiles does),
    // in the statement that writes the signature.
    row = await withWrite(sigCte)
      .with('link', (db) => db.insertInto('attachment_links').columns(['enterprise_id', 'attachment_id', 'owner_type', 'owner_id', 'role', 'created_at'])
        .expression((eb) => eb.selectFrom('sig').select([
          sql<string>`${input.enterpriseId}::uuid`.as('enterprise_id'), sql<string>`${imageId}::uuid`.as('attachment_id'),
          sql<string>`'signature'`.as('owner_type'), 'sig.id as owner_id', sql<string>`''`.as('role'), sql<Date>`${ctx.now}::timestamptz`.as('created_at'),
        ])))
      .with('locked', (db) => db.updateTable('attachments').set({ locked: true })
        .where('enterprise_id', '=', input.enterpriseId).where('id', '=', imageId).where('locked', '=', false).returning('id'))
      .selectFrom('sig').select(['sig.id', (eb) => eb.selectFrom('locked').select((e2) => e2.fn.countAll<number>().as('n')).as('locked')])
      .select(reads).modifyEnd(PREPARED).executeTakeFirstOrThrow() as typeof row;
    // Taken by a signing that committed while this one waited for the image: it is not fresh any more.
    if (Number(row.locked) !== 1) throw badImage();
  } else {
    row = await withWrite(sigCte).selectFrom('sig').select(['sig.id', sql<number>`1`.as('locked')]).select(reads)
      .modifyEnd(PREPARED).executeTakeFirstOrThrow() as typeof row;
  }
  const id = row.id;
  const audit: AuditEntry[] = [];
  if (imageId) {
    audit.push({
      action: 'attachment.link', entityType: 'attachment', entityId: imageId, enterpriseId: input.enterpriseId,
      after: { ownerType: 'signature', ownerId: id, role: '', locked: true },
    });
  }
  audit.push({
    action: 'signature.sign', entityType: 'signature', entityId: id, enterpriseId: input.enterpriseId,
    after: {
      documentType: input.documentType, documentId: input.documentId, documentVersion: input.documentVersion, contentSha256,
      method: input.method, signerUserId: signer.userId, signerEmployeeId: signer.employeeId, signerName: signer.name,
      operatorUserId: operator, imageAttachmentId: imageId, device,
    },
  });
  await writeAudits(tx, ctx, audit);
  return {
    id, contentSha256, signerName: signer.name, signerUserId: signer.userId, signerEmployeeId: signer.employeeId, method: input.method,
    imageAttachmentId: imageId, operatorUserId: operator, device, signedAt: ctx.now,
    companion: Object.fromEntries(names.map((n) => [n, row[`companion_${n}`]])),
  };
}

// ---- paper lists ----

export type PaperListInput = {
  enterpriseId: string; documentType: string; documentVersion: number;
  /** The scan of the signed paper list: a PDF (`document`) or a photo the caller uploaded. */
  attachmentId: string;
  /** Each person the list shows as having signed, with the document they signed (one shared document, or one each). */
  entries: { documentId: string; employeeId: string; content: unknown }[];
  device?: string;
};

/**
 * Records a scanned paper list: one `paper` row per person on it who has not signed their document yet (the others
 * are returned as skipped). The rows count as signed only once a manager confirms the list (`confirmPaperList`). A
 * manager records any person of the enterprise, a unit leader the people of his branch. One audit row for the list.
 */
export async function recordPaperList(tx: Tx, ctx: Ctx, input: PaperListInput): Promise<{ recorded: string[]; skipped: string[] }> {
  const actor = requireActor(ctx);
  await requireInScope(tx, actor.scope, input.enterpriseId);
  const s = actor.scope;
  if (s.kind !== 'enterprise' || s.enterpriseId !== input.enterpriseId || s.capacity === 'employee') {
    throw new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });
  }
  const file = await tx.selectFrom('attachments as a').select(['a.id'])
    .where('a.enterprise_id', '=', input.enterpriseId).where('a.id', '=', input.attachmentId).where('a.kind', 'in', ['document', 'photo'])
    .where('a.uploaded_by', '=', actor.userId).executeTakeFirst();
  if (!file) throw invalid('body.file', 'signature.paper.file');
  const byEmployee = new Map(input.entries.map((e) => [e.employeeId, e]));
  const ids = [...byEmployee.keys()];
  if (ids.length === 0 || ids.length !== input.entries.length) throw invalid('body.employeeIds', ids.length === 0 ? 'validation.required' : 'signature.paper.employees');
  const subtree = unitSubtree(s);
  let q = tx.selectFrom('employees as e').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['e.id', 'e.name']).where('e.enterprise_id', '=', input.enterpriseId).where('e.id', 'in', ids);
  if (subtree !== null) q = q.where('u.path', 'like', `${subtree}%`);
  const people = await q.execute();
  if (people.length !== ids.length) throw invalid('body.employeeIds', 'signature.paper.employees');
  const signed = new Set((await tx.selectFrom('signatures').select(['signer_employee_id', 'document_id'])
    .where('enterprise_id', '=', input.enterpriseId).where('document_type', '=', input.documentType)
    .where('document_version', '=', input.documentVersion).where('signer_employee_id', 'in', ids).execute())
    .filter((r) => byEmployee.get(r.signer_employee_id!)?.documentId === r.document_id).map((r) => r.signer_employee_id));
  const fresh = people.filter((p) => !signed.has(p.id));
  if (fresh.length > 0) {
    await tx.insertInto('signatures').values(fresh.map((p) => {
      const entry = byEmployee.get(p.id)!;
      return {
        enterprise_id: input.enterpriseId, document_type: input.documentType, document_id: entry.documentId, document_version: input.documentVersion,
        content_sha256: contentHash(entry.content), signer_employee_id: p.id, signer_name: p.name.slice(0, 100), method: 'paper' as const,
        image_attachment_id: input.attachmentId, operator_user_id: actor.userId, device: (input.device ?? '').slice(0, 200), ip: ctx.ip, signed_at: ctx.now,
      };
    })).execute();
    await linkFiles(tx, ctx, input.enterpriseId, { type: 'signature_paper_list', id: input.attachmentId }, [input.attachmentId], { path: 'body.file' });
  }
  const recorded = fresh.map((p) => p.id);
  const skipped = ids.filter((id) => signed.has(id));
  await writeAudit(tx, ctx, {
    action: 'signature.paper_record', entityType: 'signature_paper_list', entityId: input.attachmentId, enterpriseId: input.enterpriseId,
    after: {
      documentType: input.documentType, documentVersion: input.documentVersion,
      recorded: fresh.map((p) => ({ employeeId: p.id, documentId: byEmployee.get(p.id)!.documentId, contentSha256: contentHash(byEmployee.get(p.id)!.content) })),
      skipped,
    },
  });
  return { recorded, skipped };
}

export type ConfirmedPaper = { employeeId: string; documentType: string; documentId: string; documentVersion: number; signatureId: string };

/**
 * A manager of the enterprise (the safety manager) confirms a scanned paper list he has checked: its rows count as
 * signed, shown as `paper` in every figure. Nothing left to confirm on that scan is 409 `NOTHING_TO_CONFIRM`.
 */
export async function confirmPaperList(tx: Tx, ctx: Ctx, input: { enterpriseId: string; attachmentId: string; documentType?: string; documentId?: string }): Promise<ConfirmedPaper[]> {
  const actor = requireActor(ctx);
  await requireInScope(tx, actor.scope, input.enterpriseId);
  if (!isEnterpriseManager(actor, input.enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'signature.refused.notManager' });
  let q = tx.updateTable('signatures').set({ confirmed_by: actor.userId, confirmed_at: ctx.now })
    .where('enterprise_id', '=', input.enterpriseId).where('image_attachment_id', '=', input.attachmentId)
    .where('method', '=', 'paper').where('confirmed_at', 'is', null);
  if (input.documentType) q = q.where('document_type', '=', input.documentType);
  if (input.documentId) q = q.where('document_id', '=', input.documentId);
  const rows = await q.returning(['id', 'signer_employee_id', 'document_type', 'document_id', 'document_version']).execute();
  if (rows.length === 0) throw refused('STATE', 'NOTHING_TO_CONFIRM', 'signature.paper.nothing');
  const confirmed = rows.map((r) => ({ employeeId: r.signer_employee_id!, documentType: r.document_type, documentId: r.document_id, documentVersion: r.document_version, signatureId: r.id }));
  await writeAudit(tx, ctx, {
    action: 'signature.paper_confirm', entityType: 'signature_paper_list', entityId: input.attachmentId, enterpriseId: input.enterpriseId,
    after: { confirmed: confirmed.map((c) => c.employeeId).sort(), documents: [...new Set(confirmed.map((c) => `${c.documentType}:${c.documentId}:${c.documentVersion}`))].sort() },
  });
  return confirmed;
}

// ---- reading ----

/**
 * The signatures of a document (one version, or all), oldest first, in the caller's scope (the enterprise's rows, or
 * none). The module owning the document has decided the caller may see it.
 */
export async function signaturesOf(db: Executor, scope: AnyScope, enterpriseId: string, documentType: string, documentId: string, version?: number): Promise<SignatureView[]> {
  let q = db.selectFrom('signatures').selectAll()
    .where('enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'enterprise_id'))
    .where('document_type', '=', documentType).where('document_id', '=', documentId);
  if (version !== undefined) q = q.where('document_version', '=', version);
  const rows = await q.orderBy('signed_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, documentType: r.document_type, documentId: r.document_id, documentVersion: r.document_version, contentSha256: r.content_sha256,
    signerUserId: r.signer_user_id, signerEmployeeId: r.signer_employee_id, signerName: r.signer_name, method: r.method,
    imageAttachmentId: r.image_attachment_id, operatorUserId: r.operator_user_id, device: r.device, signedAt: r.signed_at,
    confirmedBy: r.confirmed_by, confirmedAt: r.confirmed_at, counts: r.method !== 'paper' || r.confirmed_at !== null,
  }));
}

/**
 * The drawn images as `data:` URLs, by attachment id, for printing them on the document: the caller has decided the
 * document may be seen (its signatures go with it, on paper as on screen). Only `signature` files are read.
 */
export async function signatureImages(db: Executor, enterpriseId: string, attachmentIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(attachmentIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('attachments').select(['id', 'mime', 'data'])
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).where('kind', '=', 'signature').execute();
  return new Map(rows.map((r) => [r.id, `data:${r.mime};base64,${asBuffer(r.data).toString('base64')}`]));
}
