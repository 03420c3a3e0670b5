import type { Area } from '../../components/areas';
import type { EndpointSummary } from '../../components/endpointBoard';
import { subtree } from '../../components/areaTree';

/** Which endpoints an alert on an area reaches, as the controller targets it: the area and everything under it. */
export interface Reach {
  speakers: EndpointSummary[];
  screens: EndpointSummary[];
  /** Of those, the ones silent now: they play it when they reconnect, if it is still on. */
  offline: EndpointSummary[];
}

export function reachOf(endpoints: readonly EndpointSummary[], areas: readonly Area[], areaId: number,
                        audio: boolean, visual: boolean): Reach {
  const inArea = subtree(areas, areaId);
  const active = endpoints.filter((e) => e.status === 'ACTIVE' && e.areaId != null && inArea.has(e.areaId));
  const speakers = audio ? active.filter((e) => e.kind === 'SPEAKER') : [];
  const screens = visual ? active.filter((e) => e.kind === 'SCREEN') : [];
  return { speakers, screens, offline: [...speakers, ...screens].filter((e) => !e.online) };
}
