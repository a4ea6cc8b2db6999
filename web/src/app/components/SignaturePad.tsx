import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePadLib from 'signature_pad';

/** What a parent does with a pad: read the drawing as a PNG, clear it, take back the last stroke. */
export type SignaturePadHandle = {
  /** The drawing as a PNG of at most EXPORT_WIDTH pixels across (well under the server's 200 KB), or null when empty. */
  toBlob: () => Promise<Blob | null>;
  clear: () => void;
  undo: () => void;
  isEmpty: () => boolean;
};

type Props = {
  ref?: Ref<SignaturePadHandle>;
  /** Told after every stroke, clear and undo: whether something is drawn. */
  onChange?: (empty: boolean) => void;
  /** CSS height of the drawing area; its width follows the container. */
  height?: number;
  testId?: string;
};

/** A signature is kept at this width: legible when printed, small to store (server: platform/files/kinds.ts). */
export const EXPORT_WIDTH = 800;

/**
 * A handwritten signature pad (signature_pad), for a finger on a phone as for a mouse: the canvas is sized to its box
 * at the screen's pixel ratio (so strokes stay sharp) and keeps the drawing when the box changes size (a phone turned).
 * `touch-action: none` stops the page from scrolling under the finger.
 */
export function SignaturePad({ ref, onChange, height = 220, testId = 'signature-pad' }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadLib | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePadLib(canvas, { penColor: '#111', minWidth: 1, maxWidth: 3, backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    const notify = () => changeRef.current?.(pad.isEmpty());
    pad.addEventListener('endStroke', notify);
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.fromData(data);
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', notify);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    clear: () => {
      padRef.current?.clear();
      changeRef.current?.(true);
    },
    undo: () => {
      const pad = padRef.current;
      if (!pad) return;
      const data = pad.toData();
      data.pop();
      pad.fromData(data);
      changeRef.current?.(pad.isEmpty());
    },
    toBlob: () => new Promise<Blob | null>((resolve) => {
      const source = canvasRef.current;
      if (!source || !padRef.current || padRef.current.isEmpty()) {
        resolve(null);
        return;
      }
      const scale = Math.min(1, EXPORT_WIDTH / source.width);
      const out = document.createElement('canvas');
      out.width = Math.max(1, Math.round(source.width * scale));
      out.height = Math.max(1, Math.round(source.height * scale));
      out.getContext('2d')?.drawImage(source, 0, 0, out.width, out.height);
      out.toBlob((blob) => resolve(blob), 'image/png');
    }),
  }), []);

  return (
    <canvas
      ref={canvasRef}
      data-testid={testId}
      style={{ width: '100%', height, display: 'block', touchAction: 'none', background: '#fff', border: '1px dashed #bfbfbf', borderRadius: 6, cursor: 'crosshair' }}
    />
  );
}
