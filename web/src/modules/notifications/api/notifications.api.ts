import { api, type Page } from '../../../app/api';

export type Notification = {
  id: string;
  kind: string;
  /** The kind's name in the reader's language (the server's). */
  kindName: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

/** Fired on window when notifications were read here, so the bell recounts at once. */
export const NOTIFICATIONS_CHANGED = 'safeduty:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export const notificationsApi = {
  list: (query: { page: number; pageSize: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    api.get<Page<Notification>>('/notifications', query, { signal }),
  unreadCount: () => api.get<{ count: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<void>(`/notifications/${id}/read`),
  markAllRead: () => api.post<void>('/notifications/read-all'),
};

/** Only in-app links are followed; anything else stays text. */
export function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
