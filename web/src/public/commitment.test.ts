import { afterEach, describe, expect, it, vi } from 'vitest';

// R-COM-1, issue 11 §6: the public commitment page (its own small entry) renders the commitment and today's notice,
// in Chinese unless the browser asks for English, and says "not found" for an unknown token.

const PAGE = {
  enterpriseName: '测试化工有限公司', year: 2026, principalName: '张三', closing: '我承诺履行第一责任人职责。',
  sections: [{ aspect: 'responsibility', title: '落实安全生产责任', text: '全员签订责任书。' }],
  signedAt: '2026-03-02T02:00:00.000Z', signatureImage: null, superseded: true,
  dailyNotice: {
    day: '2026-12-03', enterpriseName: '测试化工有限公司', units: { running: 3, stopped: 1, maintenance: 0 }, majorHazards: { total: 2, safe: true },
    specialWork: { hot_work: 2, confined_space: 0, blind_plate: 0, work_at_height: 1, lifting: 0, temporary_power: 0, excavation: 0, road_closure: 0 },
    specialWorkTotal: 3, trialProduction: false, startStop: false, maintenanceWork: true, note: '', commitment: '今天我公司已进行安全风险研判。',
    principalName: '张三', postedAt: '2026-12-02T16:30:00.000Z', signatureImage: null,
  },
};

async function open(language: string, answer: Response, token = 'abcdefghijklmnopqrstuvwxyz012345') {
  vi.resetModules();
  Object.defineProperty(window.navigator, 'language', { value: language, configurable: true });
  window.history.replaceState({}, '', `/p/commitment/${token}`);
  document.body.innerHTML = '<main id="pc"></main>';
  const fetch = vi.fn(async () => answer);
  vi.stubGlobal('fetch', fetch);
  await import('./commitment');
  await vi.waitFor(() => expect(document.getElementById('pc')!.textContent).not.toMatch(/加载中|Loading/));
  return { root: document.getElementById('pc')!, fetch };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('public commitment page', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  it('shows the commitment and today\'s notice in Chinese, on the district\'s clock', async () => {
    const { root, fetch } = await open('zh-CN', json(200, PAGE));
    expect(fetch).toHaveBeenCalledWith('/api/v1/public/commitments/abcdefghijklmnopqrstuvwxyz012345', expect.anything());
    const text = root.textContent ?? '';
    expect(text).toContain('2026 年度主要负责人安全生产承诺');
    expect(text).toContain('此承诺已被新的承诺取代');
    expect(text).toContain('安全风险研判与承诺公告');
    expect(text).toContain('动火作业 2；受限空间作业 0；高处作业 1');
    expect(text).toContain('2 处，均处于安全状态');
    // 16:30 UTC on 2 December is 00:30 on 3 December in China.
    expect(text).toContain('公告时间：2026-12-03 00:30');
  });

  it('speaks English when the browser asks for it', async () => {
    const { root } = await open('en-GB', json(200, { ...PAGE, dailyNotice: null, superseded: false }));
    const text = root.textContent ?? '';
    expect(text).toContain('2026 safety commitment of the principal');
    expect(text).not.toContain('Daily safety-risk assessment');
  });

  it('says not found for an unknown or malformed token', async () => {
    expect((await open('zh-CN', json(404, { error: { code: 'NOT_FOUND' } }))).root.textContent).toContain('没有找到这份承诺');
    const bad = await open('zh-CN', json(200, PAGE), 'short');
    expect(bad.fetch).not.toHaveBeenCalled();
    expect(bad.root.textContent).toContain('没有找到这份承诺');
  });
});
