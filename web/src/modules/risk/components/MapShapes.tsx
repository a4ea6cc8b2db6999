import { memo } from 'react';
import { NEUTRAL } from '../../../app/palette';
import type { MapPoint } from '../api/risk-map.api';
import type { Shape } from '../api/risk.api';
import { GRADE_HEX } from './grade-style';

export function shapeColour(p: { grade: MapPoint['grade'] }): string {
  return p.grade ? GRADE_HEX[p.grade] : NEUTRAL;
}

/** A polygon's vertices are pairs (the server checks them); the generated type knows them only as number arrays. */
type Vertices = readonly (readonly number[])[];

export function polygonPoints(points: Vertices, w: number, h: number): string {
  return points.map(([x = 0, y = 0]) => `${(x * w).toFixed(1)},${(y * h).toFixed(1)}`).join(' ');
}

/**
 * The marker's radius in plan pixels: about 1.2 % of the plan's longer side, so it reads at any plan size, and never
 * under 7 screen pixels (`scale` = plan pixels per screen pixel), so that a finger can hit it on a phone.
 */
export function markerRadius(w: number, h: number, scale = 1): number {
  return Math.max(Math.max(w, h) * 0.012, 7 * scale);
}

type Props = { points: MapPoint[]; width: number; height: number; labels: boolean; r: number };

/**
 * Every placed point as plain SVG, filled by grade. Memoised on the point list: selecting, hovering or drawing
 * re-renders only the small overlay above it, never these (up to hundreds of) shapes. Clicks are delegated to the
 * <svg> through data-id, so no shape carries its own handler.
 */
export const MapShapes = memo(function MapShapes({ points, width, height, labels, r }: Props) {
  const font = r * 1.5;
  return (
    <g data-testid="risk-map-shapes">
      {points.map((p) => {
        const colour = shapeColour(p);
        const failing = p.controlFailing ? { stroke: '#000', strokeDasharray: '6 4' } : {};
        return <ShapeEl key={p.id} id={p.id} shape={p.shape} colour={colour} failing={failing} width={width} height={height} r={r} label={labels ? p.code : null} font={font} grade={p.grade} />;
      })}
    </g>
  );
});

type ShapeProps = {
  id: string; shape: Shape; colour: string; failing: { stroke?: string; strokeDasharray?: string }; width: number; height: number; r: number;
  label: string | null; font: number; grade: MapPoint['grade'];
};

function ShapeEl({ id, shape, colour, failing, width, height, r, label, font, grade }: ShapeProps) {
  if (shape.type === 'polygon') {
    const [cx, cy] = centroid(shape.points);
    return (
      <g data-id={id} data-grade={grade ?? ''} data-testid="map-shape" style={{ cursor: 'pointer' }}>
        <polygon
          points={polygonPoints(shape.points, width, height)}
          fill={colour}
          fillOpacity={0.45}
          stroke={failing.stroke ?? colour}
          strokeDasharray={failing.strokeDasharray}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
        {label && <text x={cx * width} y={cy * height} fontSize={font} textAnchor="middle" dominantBaseline="middle" fill="#1f1f1f" pointerEvents="none">{label}</text>}
      </g>
    );
  }
  const x = shape.x * width;
  const y = shape.y * height;
  return (
    <g data-id={id} data-grade={grade ?? ''} data-testid="map-shape" style={{ cursor: 'pointer' }}>
      <circle cx={x} cy={y} r={r} fill={colour} fillOpacity={0.85} stroke={failing.stroke ?? '#fff'} strokeDasharray={failing.strokeDasharray} strokeWidth={2} vectorEffect="non-scaling-stroke" />
      {label && <text x={x} y={y - r * 1.4} fontSize={font} textAnchor="middle" fill="#1f1f1f" stroke="#fff" strokeWidth={3} paintOrder="stroke" vectorEffect="non-scaling-stroke" pointerEvents="none">{label}</text>}
    </g>
  );
}

function centroid(points: Vertices): [number, number] {
  let x = 0;
  let y = 0;
  for (const [px = 0, py = 0] of points) {
    x += px;
    y += py;
  }
  return [x / points.length, y / points.length];
}
