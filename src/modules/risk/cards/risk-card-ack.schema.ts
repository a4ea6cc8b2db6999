import { z } from 'zod';
import { postCard } from './risk-card.schema';

/** R-RISK-7, issue 12 §2: the acknowledgement of a post's risk-notice card. */

const sha256 = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/);

export const myCardParams = z.object({ postId: z.uuid() });

/** What the person read: the card's content hash he was shown (a card changed since is 409 `STALE_CARD`). */
export const myAckBody = z.object({ contentSha256: sha256 }).strict();
export type MyAckBody = z.infer<typeof myAckBody>;

/** One of the person's posts with a card: the card as it hangs at the post, and whether he acknowledged this content. */
export const myRiskCard = z.object({
  card: postCard.omit({ qr: true, canManage: true }).extend({ contentSha256: z.string() }),
  /** When he acknowledged the current content; null when he has not (or the card changed since). */
  acknowledgedAt: z.date().nullable(),
  /** He acknowledged an earlier content of this card: it changed since and asks to be read again. */
  changedSinceAck: z.boolean(),
});
export const myRiskCards = z.object({ items: z.array(myRiskCard) });
export type MyRiskCards = z.infer<typeof myRiskCards>;

export const myAckDone = z.object({ postId: z.string(), contentSha256: z.string(), acknowledgedAt: z.date() });

/** A person without an account acknowledges on the shared device: the card he read, drawn signature and last four. */
export const proxyCardAckBody = z.object({
  postId: z.uuid(), employeeId: z.uuid(), contentSha256: sha256,
  idLast4: z.string().trim().max(4), imageAttachmentId: z.uuid(), device: z.string().trim().max(200).optional(),
}).strict();
export type ProxyCardAckBody = z.infer<typeof proxyCardAckBody>;

export const proxyCardAckDone = z.object({ postId: z.string(), employeeId: z.string(), contentSha256: z.string(), acknowledgedAt: z.date() });

const counts = { people: z.number().int(), acknowledged: z.number().int(), rate: z.number().int().nullable() };

/**
 * "Every employee knows the risks of his post": people on posts with a card, and those who acknowledged the current
 * card of each of their posts; by the person's unit, and by post (people on the post, acknowledged its current card).
 */
export const cardAckFigure = z.object({
  ...counts,
  byUnit: z.array(z.object({ orgUnitId: z.string(), name: z.string(), unitPath: z.string(), ...counts })),
  byPost: z.array(z.object({ postId: z.string(), name: z.string(), unitPath: z.string(), ...counts })),
  /** The caller may record acknowledgements on a shared device (a manager, or a unit leader for his branch). */
  canRecord: z.boolean(),
});
export type CardAckFigure = z.infer<typeof cardAckFigure>;

/** People without an account who have not acknowledged the current card of a post they are on (the shared device's list). */
export const pendingCardPeople = z.array(z.object({
  employeeId: z.string(), name: z.string(), orgUnitName: z.string(), postId: z.string(), postName: z.string(), postUnitPath: z.string(), contentSha256: z.string(),
}));
export type PendingCardPeople = z.infer<typeof pendingCardPeople>;
