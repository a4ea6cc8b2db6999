import { api } from '../../../app/api';
import type { ResponseOf } from '../../../api/types';

type PostCardPath = '/enterprises/{enterpriseId}/posts/{postId}/risk-card';

/** R-RISK-7: a post's risk-notice card (岗位风险告知卡). The public page gets the same without ids, QR and abilities. */
export type PostCard = ResponseOf<PostCardPath>;
export type PublicCard = ResponseOf<'/public/risk-cards/{token}'>;
/** A point on a card; the public card's points carry no id. */
export type CardPoint = PostCard['points'][number] | PublicCard['points'][number];

/** R-RISK-7: the enterprise notice board (公告栏). */
export type RiskBoard = ResponseOf<'/enterprises/{enterpriseId}/risk-board'>;
export type BoardPoint = RiskBoard['points'][number];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const riskCardApi = {
  board: (enterpriseId: string, signal?: AbortSignal) => api.get<RiskBoard>(`${base(enterpriseId)}/risk-board`, undefined, { signal }),
  card: (enterpriseId: string, postId: string, signal?: AbortSignal) => api.get<PostCard>(`${base(enterpriseId)}/posts/${postId}/risk-card`, undefined, { signal }),
  /** Issues the card's QR code if it has none (a POST: reading a card never issues one). */
  issue: (enterpriseId: string, postId: string) => api.post<ResponseOf<PostCardPath, 'post'>>(`${base(enterpriseId)}/posts/${postId}/risk-card`),
  revoke: (enterpriseId: string, postId: string) => api.post<ResponseOf<`${PostCardPath}/revoke`, 'post'>>(`${base(enterpriseId)}/posts/${postId}/risk-card/revoke`),
  publicCard: (token: string, signal?: AbortSignal) => api.get<PublicCard>(`/public/risk-cards/${encodeURIComponent(token)}`, undefined, { signal, quiet401: true }),
};
