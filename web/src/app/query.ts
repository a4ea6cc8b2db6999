import { QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api';

/**
 * The one client cache (TanStack Query). Answers are per session and language: the auth provider clears it on sign-in,
 * sign-out and a lost session; query keys carry the locale where the server translates names.
 * No retries: a 4xx is an answer, and a network failure is shown at once with its message, as before.
 * No refetch on window focus: a form half filled in must not see its data change under it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

/** Forgets every answer: another account (or none) is about to use the screens. */
export function clearClientCache(): void {
  queryClient.clear();
}

/** Every error a query or mutation hands to a screen is an ApiError, whatever was thrown. */
export function asApiError(e: unknown): ApiError {
  return isApiError(e) ? e : new ApiError('INTERNAL', 0, e instanceof Error ? e.message : String(e));
}
