import type { Area } from '../../components/areas';
import type { EndpointSummary } from '../../components/endpointBoard';

/** Which endpoints an alert on an area reaches, as the controller targets it: the area and everything under it. */
export interface Reach {
  speakers: EndpointSummary[];
  screens: EndpointSummary[];
  /** Of those, the ones silent now: they play it when they reconnect, if it is still on. */
  offline: EndpointSummary[];
}

export function subtree(areas: readonly Area[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of areas) {
      if (a.parentId != null && ids.has(a.parentId) && !ids.has(a.id)) {
        ids.add(a.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function reachOf(endpoints: readonly EndpointSummary[], areas: readonly Area[], areaId: number,
                        audio: boolean, visual: boolean): Reach {
  const inArea = subtree(areas, areaId);
  const active = endpoints.filter((e) => e.status === 'ACTIVE' && e.areaId != null && inArea.has(e.areaId));
  const speakers = audio ? active.filter((e) => e.kind === 'SPEAKER') : [];
  const screens = visual ? active.filter((e) => e.kind === 'SCREEN') : [];
  return { speakers, screens, offline: [...speakers, ...screens].filter((e) => !e.online) };
}
