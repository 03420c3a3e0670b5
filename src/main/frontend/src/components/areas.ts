import { api, must, WHOLE_LIST } from '../api/client';
import type { components } from '../api/schema';
import { DEFAULT_ZONE } from '../format/time';
import { ancestry } from './areaTree';

export type Area = components['schemas']['Area'];

let cached: Promise<Area[]> | null = null;

/** The areas the caller may see (loaded once per page; call refreshAreas after a change). */
export function areas(): Promise<Area[]> {
  cached ??= must(api.GET('/api/v1/areas', { params: { query: WHOLE_LIST } })).then((a) => a as Area[]).catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

export function refreshAreas(): void {
  cached = null;
}

/** An area's own zone, or the nearest ancestor's, or Vietnam's. */
export function zoneOf(all: Area[], areaId: number | null | undefined): string {
  return ancestry(all, areaId).find((a) => a.zone)?.zone ?? DEFAULT_ZONE;
}

export async function areaZone(areaId: number | null | undefined): Promise<string> {
  try {
    return zoneOf(await areas(), areaId);
  } catch {
    return DEFAULT_ZONE;
  }
}

/** "Tỉnh X › Xã Y": the path from the top of the caller's tree down to the area. */
export function areaPath(all: Area[], areaId: number | null | undefined): string {
  return ancestry(all, areaId).map((a) => a.name).reverse().join(' › ');
}
