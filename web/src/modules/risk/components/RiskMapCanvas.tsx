import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { MapPoint } from '../api/risk-map.api';
import type { Shape } from '../api/risk.api';
import { MapShapes, markerRadius, polygonPoints } from './MapShapes';

export type Draft = { type: 'marker' | 'polygon'; vertices: [number, number][] };

type Props = {
  imageUrl: string;
  width: number;
  height: number;
  points: MapPoint[];
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  /** While drawing: the shape so far, and where the user clicked (0..1 plan coordinates). */
  draft?: Draft | null;
  onPlanClick?: (x: number, y: number) => void;
  /** Labels (point codes) on the shapes; off for crowded plans. */
  labels?: boolean;
  /** The tallest the plan may be drawn on screen; print pages fit the paper instead. */
  maxHeight?: string;
};

/**
 * A floor plan with its risk points drawn over it in one SVG that shares the plan's pixel space (viewBox = image
 * size), so 0..1 coordinates scale with the picture at any width. `data-ready` turns true once the image is loaded
 * and the shapes are in the DOM (the benchmark waits for it).
 */
export function RiskMapCanvas({ imageUrl, width, height, points, selectedId, onSelect, draft, onPlanClick, labels = true, maxHeight = '75vh' }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [loaded, setLoaded] = useState(false);
  // Plan pixels per screen pixel, rounded so that small resizes do not redraw every shape.
  const [scale, setScale] = useState(1);
  const selected = selectedId ? points.find((p) => p.id === selectedId) : undefined;
  const r = markerRadius(width, height, scale);

  useEffect(() => setLoaded(false), [imageUrl]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => {
      const shown = svg.getBoundingClientRect().width;
      if (shown > 0) setScale(Math.round((width / shown) * 4) / 4);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [width]);

  const click = (e: MouseEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    if (!svg) return;
    if (draft && onPlanClick) {
      const rect = svg.getBoundingClientRect();
      const x = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
      const y = Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height));
      onPlanClick(Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000);
      return;
    }
    const target = (e.target as Element).closest('[data-id]');
    onSelect?.(target?.getAttribute('data-id') ?? null);
  };

  return (
    <div
      data-testid="risk-map"
      data-ready={loaded ? 'true' : 'false'}
      data-count={points.length}
      style={{ position: 'relative', width: `min(100%, calc(${maxHeight} * ${width / height}))`, aspectRatio: `${width} / ${height}`, margin: '0 auto', background: '#fff', touchAction: 'manipulation' }}
    >
      <img
        src={imageUrl}
        alt=""
        draggable={false}
        onLoad={() => setLoaded(true)}
        onError={() => setLoaded(true)}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'fill', userSelect: 'none' }}
      />
      <svg
        ref={svgRef}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        onClick={click}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: draft ? 'crosshair' : 'default' }}
      >
        <MapShapes points={points} width={width} height={height} labels={labels} r={r} />
        {selected && <Highlight shape={selected.shape} width={width} height={height} r={r} />}
        {draft && <DraftShape draft={draft} width={width} height={height} r={r} />}
      </svg>
    </div>
  );
}

function Highlight({ shape, width, height, r }: { shape: Shape; width: number; height: number; r: number }) {
  const common = { fill: 'none', stroke: '#0f2747', strokeWidth: 4, vectorEffect: 'non-scaling-stroke' as const, pointerEvents: 'none' as const };
  if (shape.type === 'polygon') return <polygon points={polygonPoints(shape.points, width, height)} {...common} data-testid="map-selected" />;
  return <circle cx={shape.x * width} cy={shape.y * height} r={r * 1.6} {...common} data-testid="map-selected" />;
}

function DraftShape({ draft, width, height, r }: { draft: Draft; width: number; height: number; r: number }) {
  const pts = draft.vertices;
  return (
    <g pointerEvents="none" data-testid="map-draft">
      {pts.length > 1 && (
        <polyline points={polygonPoints(pts, width, height)} fill={pts.length > 2 ? 'rgba(31,95,191,0.2)' : 'none'} stroke="#1f5fbf" strokeWidth={2} strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
      )}
      {pts.map(([x, y], i) => <circle key={i} cx={x * width} cy={y * height} r={r * 0.5} fill="#1f5fbf" />)}
    </g>
  );
}
