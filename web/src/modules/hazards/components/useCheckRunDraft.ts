import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { deleteDraft, loadDraft, saveDraft, type DraftKey } from '../../../app/drafts';
import type { CheckResult, CheckTaskDetail } from '../api/checks.api';
import type { Answer } from './CheckItemRunner';
import { localPhoto, revokePhotos } from './LocalPhotoField';

const STORE = 'check-runs';
/** Typing a note saves once the thumb rests; leaving the page or hiding it saves at once. */
const SAVE_AFTER_MS = 400;

/** A run's answers as the device keeps them: the photos not yet sent are the Blobs themselves. */
type StoredAnswer = { result: CheckResult | null; note: string; photos: Blob[] };
type CheckRunDraft = { answers: Record<string, StoredAnswer> };

export type Answers = Record<string, Answer>;

const hasContent = (a: Answer) => !!a.result || a.note.trim() !== '' || a.photos.length > 0;

/** Whether any item holds something the user entered and has not sent. */
export function hasAnswers(answers: Answers): boolean {
  return Object.values(answers).some(hasContent);
}

// A device without IndexedDB (some private modes) or out of space runs the check as before, only without a draft.
const ignore = () => {};

/**
 * The answers of a running check task, kept on the device as they are given (app/drafts.ts, keyed by user, enterprise
 * and task): opened again after a reload, they come back with their photos. The draft goes when the run is submitted
 * (`discard`) and when the task is found no longer open. The page is mounted once per task, so the key never changes.
 */
export function useCheckRunDraft(draftKey: DraftKey, task: CheckTaskDetail | undefined): {
  answers: Answers;
  setAnswers: Dispatch<SetStateAction<Answers>>;
  /** How many answered items came back from the device; 0 when nothing did. */
  restored: number;
  /** The run is sent: nothing more is saved and the stored draft goes. */
  discard: () => void;
} {
  const key = useRef(draftKey).current;
  const [answers, setAnswers] = useState<Answers>({});
  const [restored, setRestored] = useState(0);
  // Nothing is saved before the stored draft was read, so an empty page never overwrites it.
  const [ready, setReady] = useState(false);
  const closed = useRef(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; run: () => void } | null>(null);
  const latest = useRef(answers);
  latest.current = answers;

  const discard = useCallback(() => {
    closed.current = true;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    deleteDraft(STORE, key).catch(ignore);
  }, [key]);

  const status = task?.status;
  const canRun = task?.canRun ?? false;
  const itemIds = task?.items.map((i) => i.id).join(',');

  useEffect(() => {
    if (!status) return;
    if (status !== 'open') {
      discard();
      return;
    }
    if (!canRun || ready) return;
    let cancelled = false;
    const onCard = new Set(itemIds?.split(','));
    loadDraft<CheckRunDraft>(STORE, key)
      .then((stored) => {
        if (cancelled || !stored) return;
        // Items taken off the card since the draft was saved are dropped; what the user did meanwhile wins.
        const back: Answers = {};
        for (const [id, a] of Object.entries(stored.value.answers)) {
          if (onCard.has(id)) back[id] = { result: a.result, note: a.note, photos: a.photos.map(localPhoto) };
        }
        setAnswers((now) => ({ ...back, ...now }));
        setRestored(Object.values(back).filter((a) => a.result).length);
      })
      .catch(ignore)
      .finally(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key, status, canRun, ready, itemIds, discard]);

  useEffect(() => {
    if (!ready || closed.current) return;
    const run = () => {
      pending.current = null;
      if (closed.current) return;
      const now = latest.current;
      if (!hasAnswers(now)) {
        deleteDraft(STORE, key).catch(ignore);
        return;
      }
      const value: CheckRunDraft = { answers: {} };
      for (const [id, a] of Object.entries(now)) {
        if (hasContent(a)) value.answers[id] = { result: a.result, note: a.note, photos: a.photos.map((p) => p.blob) };
      }
      saveDraft(STORE, key, value).catch(ignore);
    };
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { timer: setTimeout(run, SAVE_AFTER_MS), run };
  }, [key, answers, ready]);

  // A phone may drop a page that goes to the background (the camera opening, a call): what is pending is saved then.
  useEffect(() => {
    const flush = () => {
      const p = pending.current;
      if (!p) return;
      clearTimeout(p.timer);
      p.run();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      flush();
      revokePhotos(Object.values(latest.current).flatMap((a) => a.photos));
    };
  }, []);

  return { answers, setAnswers, restored, discard };
}
