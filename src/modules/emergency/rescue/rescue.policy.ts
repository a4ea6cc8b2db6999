import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** The attachments' owner type of a rescue agreement's file (the signed agreement, scanned or photographed). */
export const RESCUE_AGREEMENT_FILE_OWNER = 'rescue_agreement';

// Issue 14 §2: the rescue organisation is the enterprise's as a whole, read by whoever sees the enterprise; so is an
// agreement's file.
registerAttachmentOwner(RESCUE_AGREEMENT_FILE_OWNER, {
  visibleTo: (viewer, link) => enterpriseInScope(viewer.scope, `${link}.enterprise_id`),
});
