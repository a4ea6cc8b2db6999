import { defineMessages } from '../i18n/messages';
import type { ModuleManifest } from '../module';
import { signatureRoutes } from './signatures.routes';

/**
 * Electronic signatures (issue 11), the platform's: modules whose documents people sign call these in their own
 * transactions. A person with an account signs with the pad (`pad`) or their password (`password`); a person without
 * one signs on a leader's or a kiosk device (`proxy_pad`), confirmed with the last four of their ID number; a scanned
 * paper list (`paper`) counts once a manager confirms it.
 *
 *   const proof = await verifySigner(db, ctx, { enterpriseId, signer, method, password });   // before the transaction
 *   await db.transaction().execute((tx) => signDocument(tx, ctx, { …, content, signer, method, imageAttachmentId, proof }));
 */
export {
  confirmPaperList, contentHash, MAX_FAILURES_PER_HOUR, recordPaperList, signatureImages, signaturesOf, signDocument, verifySigner,
  type ConfirmedPaper, type PaperListInput, type SignatureView, type SignCompanion, type SignerProof, type SignInput, type SignResult, type Signer, type SignMethod,
} from './signatures';
export { ID_LAST4, idLast4Hash, last4OfMasked, signatureSecret, startSignatures } from './id-last4';
export { ownSignatureBody, uploadSignatureImage, versionedSignatureBody, type OwnSignature } from './signatures.routes';

declare module '../auth/permissions' {
  interface ModulePermissions {
    'signature.sign': true;
  }
}

export const signaturesMessages = defineMessages(
  {
    'signature.idLast4.wrong': '身份证号后四位不正确',
    'signature.idLast4.format': '请输入身份证号后四位（数字，最后一位可以是 X）',
    'signature.password.wrong': '密码不正确',
    'signature.image.invalid': '请先在签名板上签名',
    'signature.tooManyAttempts': '错误次数过多，请一小时后再试',
    'signature.refused.alreadySigned': '已经签署过，不能重复签署',
    'signature.refused.paperPending': '此人已列入待确认的纸质签名名单',
    'signature.refused.hasAccount': '此人有自己的账号，请本人登录签署',
    'signature.refused.notSignable': '此人现在不能签署（不在职或不属于本企业）',
    'signature.refused.notOperator': '只有企业管理人员或班组、部门负责人可以代为签署',
    'signature.refused.notManager': '纸质签名名单须由企业安全管理人员确认',
    'signature.paper.file': '请上传纸质签名名单的扫描件（PDF 或照片）',
    'signature.paper.employees': '名单中有不属于本企业（或不在您管辖范围内）的人员',
    'signature.paper.nothing': '这份纸质名单没有待确认的签名',
  },
  {
    'signature.idLast4.wrong': 'The last four characters of the ID number are wrong',
    'signature.idLast4.format': 'Enter the last four characters of the ID number (digits; the last may be X)',
    'signature.password.wrong': 'The password is wrong',
    'signature.image.invalid': 'Sign on the signature pad first',
    'signature.tooManyAttempts': 'Too many wrong attempts; try again in an hour',
    'signature.refused.alreadySigned': 'Already signed; it cannot be signed again',
    'signature.refused.paperPending': 'This person is on a paper list awaiting confirmation',
    'signature.refused.hasAccount': 'This person has an account of their own and signs it themselves',
    'signature.refused.notSignable': 'This person cannot sign now (not employed here or no longer active)',
    'signature.refused.notOperator': 'Only managers of the enterprise and unit or team leaders may sign for another',
    'signature.refused.notManager': 'A paper list is confirmed by a safety manager of the enterprise',
    'signature.paper.file': 'Upload the scan of the signed paper list (PDF or photo)',
    'signature.paper.employees': 'The list names people outside the enterprise (or outside your unit)',
    'signature.paper.nothing': 'This paper list has no signatures awaiting confirmation',
  },
);

/** The platform manifest of signatures: the image upload, the permission to sign, the audit names and messages. */
export const signaturesModule: ModuleManifest = {
  name: 'signatures', routes: [signatureRoutes],
  permissions: ['signature.sign'],
  roleGrants: {
    enterprise_principal: ['signature.sign'], safety_manager: ['signature.sign'], unit_leader: ['signature.sign'], employee: ['signature.sign'],
  },
  messages: signaturesMessages,
  auditEntities: { signature: ['电子签名', 'Signature'], signature_paper_list: ['纸质签名名单', 'Paper signature list'] },
  auditActions: {
    'signature.sign': ['签署', 'Signed'],
    'signature.paper_record': ['登记纸质签名名单', 'Paper signature list recorded'],
    'signature.paper_confirm': ['确认纸质签名名单', 'Paper signature list confirmed'],
  },
};
