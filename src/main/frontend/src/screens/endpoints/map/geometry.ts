/** Plain geometry for the map's drawn layers: no map library needed, so it is tested on its own. */
export type LatLng = [number, number];

/** The convex hull of points (Andrew's monotone chain), counter-clockwise, without repeating the first point. */
export function convexHull(points: readonly LatLng[]): LatLng[] {
  const p = [...points].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  if (p.length < 3) return p;
  const cross = (o: LatLng, a: LatLng, b: LatLng) => (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
  const half = (pts: LatLng[]) => {
    const out: LatLng[] = [];
    for (const q of pts) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], q) <= 0) out.pop();
      out.push(q);
    }
    out.pop();
    return out;
  };
  return [...half(p), ...half([...p].reverse())];
}

/** The hull pushed outwards from its centre by {@code marginDeg}, so markers on the edge sit inside the outline. */
export function padded(hull: readonly LatLng[], marginDeg: number): LatLng[] {
  const c = centre(hull);
  return hull.map(([lat, lng]) => {
    const dLat = lat - c[0];
    const dLng = lng - c[1];
    const len = Math.hypot(dLat, dLng) || 1;
    return [lat + (dLat / len) * marginDeg, lng + (dLng / len) * marginDeg];
  });
}

export function centre(points: readonly LatLng[]): LatLng {
  const n = points.length || 1;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

const STEPS = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];

/** A grid spacing (degrees) that puts a handful of lines across a span of {@code spanDeg}. */
export function gridStep(spanDeg: number): number {
  return STEPS.find((s) => spanDeg / s >= 4) ?? STEPS[STEPS.length - 1];
}

/** The grid values between from and to, on multiples of step. */
export function gridLines(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to && out.length < 200; v += step) {
    out.push(Number(v.toFixed(6)));
  }
  return out;
}
