import type { QueryKey } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { ResponseOf } from '../../../api/types';

/** R-RISK-7, issue 12 §2: the cards of the caller's posts, each with whether he acknowledged its current content. */
export type MyRiskCards = ResponseOf<'/me/risk-cards'>;
export type MyRiskCard = MyRiskCards['items'][number];
/** "Every employee knows the risks of his post": the enterprise's figure, by unit and by post. */
export type CardAckFigure = ResponseOf<'/enterprises/{enterpriseId}/risk-card-acks'>;
/** People without an account still to acknowledge a post's current card (the shared device's list). */
export type PendingCardPeople = ResponseOf<'/enterprises/{enterpriseId}/risk-card-acks/pending'>;
export type PendingCardPerson = PendingCardPeople[number];

export type ProxyCardAck = { postId: string; employeeId: string; contentSha256: string; idLast4: string; imageAttachmentId: string; device?: string };

/** What a change of acknowledgements reloads: the person's own cards, the figure and the device's list. */
export const cardAckQueries = (enterpriseId?: string): QueryKey[] => [['risk', 'my-cards'], ...(enterpriseId ? [['risk', enterpriseId, 'card-acks']] : [])];

export const riskCardAckApi = {
  mine: (signal?: AbortSignal) => api.get<MyRiskCards>('/me/risk-cards', undefined, { signal }),
  acknowledge: (postId: string, contentSha256: string) =>
    api.post<ResponseOf<'/me/risk-cards/{postId}/ack', 'post'>>(`/me/risk-cards/${postId}/ack`, { contentSha256 }),
  figure: (enterpriseId: string, signal?: AbortSignal) => api.get<CardAckFigure>(`/enterprises/${enterpriseId}/risk-card-acks`, undefined, { signal }),
  pending: (enterpriseId: string, signal?: AbortSignal) => api.get<PendingCardPeople>(`/enterprises/${enterpriseId}/risk-card-acks/pending`, undefined, { signal }),
  proxyAck: (enterpriseId: string, body: ProxyCardAck) =>
    api.post<ResponseOf<'/enterprises/{enterpriseId}/risk-card-acks', 'post'>>(`/enterprises/${enterpriseId}/risk-card-acks`, body),
};
