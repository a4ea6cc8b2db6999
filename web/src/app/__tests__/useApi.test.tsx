import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { ApiError } from '../api';
import { I18nContext } from '../i18n';
import { createQueryClient } from '../query';
import { zhI18n } from '../testing';
import { useApiMutation, useApiQuery } from '../useApi';

function harness() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}><I18nContext.Provider value={zhI18n}>{children}</I18nContext.Provider></QueryClientProvider>
  );
  const hazards = vi.fn(() => Promise.resolve(['h1']));
  const users = vi.fn(() => Promise.resolve(['u1']));
  return { wrapper, hazards, users };
}

describe('useApiMutation (every save button)', () => {
  test('a write reloads the queries it names, after its onSuccess, and leaves the others alone', async () => {
    const { wrapper, hazards, users } = harness();
    const loadsSeenBySuccess: number[] = [];
    const { result } = renderHook(() => ({
      hazards: useApiQuery(['hazards', 'e1', 'list', { page: 1 }], hazards),
      users: useApiQuery(['users', 'list'], users),
      save: useApiMutation((title: string) => Promise.resolve({ title }), {
        invalidates: [['hazards', 'e1']],
        onSuccess: () => { loadsSeenBySuccess.push(hazards.mock.calls.length); },
      }),
    }), { wrapper });
    await waitFor(() => expect(result.current.users.data).toEqual(['u1']));
    await waitFor(() => expect(result.current.hazards.data).toEqual(['h1']));

    let out: { title: string } | undefined;
    await act(async () => { out = await result.current.save.run('leak'); });

    expect(out).toEqual({ title: 'leak' });
    // The mutation's state reaches the component through TanStack's scheduled notifications, not synchronously.
    await waitFor(() => expect(result.current.save.input).toBe('leak'));
    await waitFor(() => expect(result.current.save.saving).toBe(false));
    // onSuccess saw the list as it was (a drawer closes at once); `run` resolved once the list had loaded again.
    expect(loadsSeenBySuccess).toEqual([1]);
    expect(hazards).toHaveBeenCalledTimes(2);
    expect(users).toHaveBeenCalledTimes(1);
  });

  test('a refused write reloads nothing and hands its ApiError to the caller', async () => {
    const { wrapper, hazards } = harness();
    const onSuccess = vi.fn();
    const { result } = renderHook(() => ({
      hazards: useApiQuery(['hazards', 'e1', 'list'], hazards),
      save: useApiMutation((_: string) => Promise.reject(new ApiError('STATE', 409, 'already closed')), { invalidates: [['hazards', 'e1']], onSuccess }),
    }), { wrapper });
    await waitFor(() => expect(result.current.hazards.data).toEqual(['h1']));

    let error: unknown;
    await act(async () => { await result.current.save.run('x').catch((e: unknown) => { error = e; }); });

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('STATE');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(hazards).toHaveBeenCalledTimes(1);
  });
});
