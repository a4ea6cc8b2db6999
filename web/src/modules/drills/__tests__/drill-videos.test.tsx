import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../../app/api';
import { addMessages, I18nContext, translate } from '../../../app/i18n';
import { zhI18n } from '../../../app/testing';
import type { DrillDetail } from '../api/drills.api';
import { DrillVideos, videoRefusal } from '../components/DrillVideos';
import { drillsMessages } from '../drills.messages';

const calls = vi.hoisted(() => ({ upload: vi.fn() }));
vi.mock('../api/drills.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/drills.api')>();
  return { ...real, drillsApi: { ...real.drillsApi, uploadVideo: calls.upload } };
});

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const MB = 1024 * 1024;

const drill = (over: Partial<DrillDetail> = {}): DrillDetail => ({
  id: 'd1', enterpriseId: 'e1', enterpriseName: '企业', planId: 'p1', planTitle: '综合应急预案', planKind: 'comprehensive', form: 'practical', scenario: '火灾疏散',
  startedAt: '2026-06-18T01:00:00Z', endedAt: '2026-06-18T02:00:00Z', place: '仓库', organiserName: '张三', byPrincipal: false, status: 'recorded', reportedAt: null,
  participantCount: 0, openActions: 0, overdueActions: 0, organiserEmployeeId: 'x', principalConfirmedAt: null, wentWell: '', problems: '', planNeedsRevision: null,
  evaluatedAt: null, recordedByName: null, voidReason: null, version: 1, mustReport: false, participants: [], actions: [], events: [],
  files: [
    { id: 'f1', kind: 'photo', name: '现场.jpg', mime: 'image/jpeg', size: 1000, locked: false, url: '/api/v1/enterprises/e1/drill-files/f1' },
    { id: 'f2', kind: 'video', name: '疏散.mp4', mime: 'video/mp4', size: 2 * MB, locked: false, url: '/api/v1/enterprises/e1/drill-files/f2' },
  ],
  maxVideos: 3,
  abilities: { update: true, confirmPrincipal: false, evaluate: true, report: false, void: true, upload: true },
  ...over,
});

function show(d: DrillDetail) {
  return render(<I18nContext.Provider value={zhI18n}><App><DrillVideos drill={d} onUploaded={() => undefined} /></App></I18nContext.Provider>);
}

beforeAll(() => addMessages(drillsMessages));
afterEach(() => { cleanup(); calls.upload.mockReset(); });

describe('a drill\'s videos (issue 14 §3)', () => {
  test('the browser tells a file that is not a video, or over 50 MB, before sending it', () => {
    expect(videoRefusal({ name: 'a.mp4', type: 'video/mp4', size: 10 * MB })).toBeNull();
    expect(videoRefusal({ name: 'IMG_0001.MOV', type: '', size: MB })).toBeNull();
    expect(videoRefusal({ name: 'a.webm', type: 'video/webm', size: 50 * MB })).toBeNull();
    expect(videoRefusal({ name: 'a.png', type: 'image/png', size: MB })).toBe('drill.video.notVideo');
    expect(videoRefusal({ name: 'a.mp4', type: 'video/mp4', size: 50 * MB + 1 })).toBe('drill.video.tooLarge');
  });

  test('plays each video in the page (metadata only until played) and lists no photo among them', () => {
    show(drill());
    const videos = screen.getAllByTestId('drill-video') as HTMLVideoElement[];
    expect(videos).toHaveLength(1);
    expect(videos[0]!.getAttribute('src')).toBe('/api/v1/enterprises/e1/drill-files/f2');
    expect(videos[0]!.getAttribute('preload')).toBe('metadata');
    expect(videos[0]!.hasAttribute('controls')).toBe(true);
    expect(screen.getByText('视频（1/3）')).toBeTruthy();
  });

  test('a file too big is refused with a clear Chinese message, and nothing is sent', async () => {
    show(drill());
    const input = screen.getByTestId('drill-videos').querySelector('input[type=file]') as HTMLInputElement;
    const big = new File(['x'], 'big.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: 60 * MB });
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(screen.getByText(zh('drill.video.tooLarge', { max: 50 }))).toBeTruthy());
    expect(calls.upload).not.toHaveBeenCalled();
  });

  test('a video is sent with its progress; a server refusal (415) shows the not-a-video message', async () => {
    calls.upload.mockImplementation(async (_e: string, _d: string, _f: File, onProgress: (p: number) => void) => {
      onProgress(0.5);
      throw new ApiError('UNSUPPORTED_FILE', 415, 'x');
    });
    show(drill());
    const input = screen.getByTestId('drill-videos').querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['not a video'], 'clip.mp4', { type: 'video/mp4' })] } });
    await waitFor(() => expect(screen.getByText(zh('drill.video.notVideo'))).toBeTruthy());
    expect(calls.upload).toHaveBeenCalledOnce();
    expect(calls.upload.mock.calls[0]![0]).toBe('e1');
  });

  test('no upload once the drill holds its maximum of videos', () => {
    show(drill({ maxVideos: 1 }));
    expect((screen.getByTestId('drill-video-upload') as HTMLButtonElement).disabled).toBe(true);
  });
});
