import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { OverviewRow } from '../api/training.api';
import { TrainingOverviewPage } from '../pages/TrainingOverviewPage';
import { trainingMessages } from '../training.messages';

const calls = vi.hoisted(() => ({ queries: [] as Record<string, unknown>[] }));
vi.mock('../api/training.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/training.api')>();
  return {
    ...real,
    trainingApi: {
      ...real.trainingApi,
      supervise: vi.fn(async (query: Record<string, unknown>) => {
        calls.queries.push(query);
        const row: OverviewRow = {
          enterpriseId: 'e1', name: '关上化工', subdistrictName: '关上街道', industryName: '危险化学品', people: 8, shortfallPeople: 2, legalEducationCovered: 4,
          legalEducationRate: 50, hoursThisYear: 36, planReviewedQuarters: 3,
        };
        return { items: [row], total: 1, page: 1, pageSize: 20, year: 2026 };
      }),
    },
  };
});

beforeAll(() => addMessages(trainingMessages as never));
afterEach(() => { cleanup(); calls.queries.length = 0; });

describe('the regulators\' training list (issue 13 §5, R-TRN-1)', () => {
  test('the figures\' headers sort: people short first descending, then ascending; the share short is shown', async () => {
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/training-overview']}>
          <I18nContext.Provider value={zhI18n}><App><TrainingOverviewPage /></App></I18nContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const table = await screen.findByTestId('training-overview');
    await waitFor(() => expect(table.textContent).toContain('25%'));
    // The column header cell whose title is exactly the text (antd also renders the sorter's tooltip).
    const header = (title: string) => [...table.querySelectorAll('th')].find((th) => th.textContent === title)!;
    fireEvent.click(header('学时不足'));
    await waitFor(() => expect(calls.queries.at(-1)).toMatchObject({ sort: 'shortfall', order: 'desc' }));
    fireEvent.click(header('学时不足'));
    await waitFor(() => expect(calls.queries.at(-1)).toMatchObject({ sort: 'shortfall', order: 'asc' }));
    fireEvent.click(header('本年累计学时'));
    await waitFor(() => expect(calls.queries.at(-1)).toMatchObject({ sort: 'hours', order: 'asc' }));
  });
});
