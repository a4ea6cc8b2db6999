import { api } from '../../../app/api';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type Notification = ItemOf<ResponseOf<'/notifications'>>;

/** Fired on window when notifications were read here, so the bell recounts at once. */
export const NOTIFICATIONS_CHANGED = 'safeduty:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export const notificationsApi = {
  list: (query: { page: number; pageSize: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    api.get<ResponseOf<'/notifications'>>('/notifications', query, { signal }),
  unreadCount: () => api.get<ResponseOf<'/notifications/unread-count'>>('/notifications/unread-count'),
  markRead: (id: string) => api.post<void>(`/notifications/${id}/read`),
  markAllRead: () => api.post<void>('/notifications/read-all'),
};

/** Only in-app links are followed; anything else stays text. */
export function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
