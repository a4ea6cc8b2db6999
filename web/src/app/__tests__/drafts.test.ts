// @vitest-environment node
// IndexedDB keeps Blobs by structured clone; Node's Blob is cloneable, happy-dom's is not, so this file runs on Node.
// A real browser stores them the same way (fake-indexeddb follows the specification).
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { deleteDraft, loadDraft, saveDraft } from '../drafts';

type RunDraft = { answers: Record<string, { result: string | null; note: string; photos: Blob[] }> };

const photo = (text: string) => new Blob([text], { type: 'image/jpeg' });

describe('drafts kept on the device', () => {
  test('a saved draft comes back after the page is gone, photos as Blobs with their bytes and type', async () => {
    const draft: RunDraft = { answers: { i1: { result: 'fail', note: '防护罩缺失', photos: [photo('jpeg-bytes')] }, i2: { result: 'pass', note: '', photos: [] } } };
    await saveDraft('check-runs', ['u1', 'e1', 't1'], draft, 1_000);

    const stored = await loadDraft<RunDraft>('check-runs', ['u1', 'e1', 't1']);
    expect(stored?.savedAt).toBe(1_000);
    expect(stored?.value.answers.i2).toEqual({ result: 'pass', note: '', photos: [] });
    const [back] = stored!.value.answers.i1!.photos;
    expect(back).toBeInstanceOf(Blob);
    expect(back!.type).toBe('image/jpeg');
    expect(await back!.text()).toBe('jpeg-bytes');
  });

  test('a draft is its owner’s: another user, enterprise or task finds nothing', async () => {
    await saveDraft('check-runs', ['u1', 'e1', 't2'], { answers: {} });
    expect(await loadDraft('check-runs', ['u2', 'e1', 't2'])).toBeUndefined();
    expect(await loadDraft('check-runs', ['u1', 'e2', 't2'])).toBeUndefined();
    expect(await loadDraft('check-runs', ['u1', 'e1', 't3'])).toBeUndefined();
    expect(await loadDraft('check-runs', ['u1', 'e1', 't2'])).toBeDefined();
  });

  test('saving again replaces the draft; deleting removes it and leaves the others', async () => {
    await saveDraft<RunDraft>('check-runs', ['u3', 'e1', 't1'], { answers: { i1: { result: 'pass', note: '', photos: [] } } });
    await saveDraft<RunDraft>('check-runs', ['u3', 'e1', 't1'], { answers: { i1: { result: 'na', note: '停用', photos: [] } } });
    await saveDraft<RunDraft>('check-runs', ['u3', 'e1', 't2'], { answers: {} });
    expect((await loadDraft<RunDraft>('check-runs', ['u3', 'e1', 't1']))?.value.answers.i1?.result).toBe('na');

    await deleteDraft('check-runs', ['u3', 'e1', 't1']);
    expect(await loadDraft('check-runs', ['u3', 'e1', 't1'])).toBeUndefined();
    expect(await loadDraft('check-runs', ['u3', 'e1', 't2'])).toBeDefined();
    // Deleting what is not there is not an error: a task closed before anything was saved.
    await expect(deleteDraft('check-runs', ['u3', 'e1', 't9'])).resolves.toBeUndefined();
  });
});
