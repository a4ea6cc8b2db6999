import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../../app/api';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import { accidentPublicRoutes } from '../../accidents/routes';
import type { PublicCard } from '../api/risk-card.api';
import { PublicRiskCardPage } from '../pages/PublicRiskCardPage';
import { riskMessages } from '../risk.messages';

const answer = vi.hoisted(() => ({ card: null as unknown, asked: [] as string[] }));
vi.mock('../api/risk-card.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/risk-card.api')>();
  return {
    ...real,
    riskCardApi: {
      ...real.riskCardApi,
      publicCard: vi.fn(async (token: string) => {
        answer.asked.push(token);
        if (answer.card === null) throw new ApiError('NOT_FOUND', 404, 'not found');
        return answer.card;
      }),
    },
  };
});

const card: PublicCard = {
  post: { name: '操作工', orgUnitName: '甲班', unitPath: '一车间 / 甲班' },
  enterpriseName: '测试化工有限公司', grade: null, colour: null, gradeName: null, points: [], hazards: [], accidentTypes: [],
  emergencyActions: [], emergencyPhone: '119/120', alarmPhones: '119/120', updatedAt: null,
};

/** Stands in for the accidents module's public form: shows which token it was opened with. */
function ReportFormStub() {
  const { token = '' } = useParams();
  return <div data-testid="accident-form-token">{token}</div>;
}

function renderAt(token: string) {
  // The quick report's route path comes from the accidents module itself, so a renamed route breaks this test.
  const reportPath = accidentPublicRoutes[0]?.path ?? '';
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[`/public/risk-cards/${token}`]}>
        <I18nContext.Provider value={zhI18n}><App>
          <Routes>
            <Route path="/public/risk-cards/:token" element={<PublicRiskCardPage />} />
            <Route path={reportPath} element={<ReportFormStub />} />
          </Routes>
        </App></I18nContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(riskMessages as never));
afterEach(() => { cleanup(); answer.asked = []; });

describe('the public risk card leads to the accident quick report (issue 14 §4)', () => {
  test('the card offers 事故快报, and following it opens the quick report for the same post token', async () => {
    answer.card = card;
    const token = 'Ab3_x-Yz9QrStUvWxYz012345678901';
    renderAt(token);
    const link = await screen.findByTestId('public-card-accident-report');
    expect(link.textContent).toContain('事故快报');
    expect(answer.asked).toEqual([token]);
    fireEvent.click(link);
    expect((await screen.findByTestId('accident-form-token')).textContent).toBe(token);
  });

  test('an unknown or revoked card offers no report link', async () => {
    answer.card = null;
    renderAt('revoked-token');
    expect(await screen.findByText('告知卡不存在，或二维码已作废')).toBeTruthy();
    expect(screen.queryByTestId('public-card-accident-report')).toBeNull();
  });
});
