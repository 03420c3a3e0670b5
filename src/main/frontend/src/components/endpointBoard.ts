import { computed, onBeforeUnmount, reactive, ref } from 'vue';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import { useLive } from '../live/live';
import { areas, type Area } from './areas';
import { ancestry } from './areaTree';
import { noteServerTime, scheduleRunsOutAt } from './onAir';

export type EndpointSummary = components['schemas']['EndpointSummary'];

/** The server plans this far ahead (DashboardService: OnAirSchedule.AHEAD_MS); asked again at most once a minute. */
const SCHEDULE_AHEAD_MS = 6 * 3_600_000;
const MIN_RELOAD_MS = 60_000;

/**
 * The dashboard's endpoints: loaded once, then kept current from live events (no polling); asked again only when
 * the schedules it holds run out.
 */
export function useEndpointBoard() {
  const byId = reactive(new Map<number, EndpointSummary>());
  const areaList = ref<Area[]>([]);
  const loaded = ref(false);
  const error = ref<unknown>(null);

  let refresh: ReturnType<typeof setTimeout> | undefined;

  async function load() {
    clearTimeout(refresh);
    try {
      const [board, all] = await Promise.all([must(api.GET('/api/v1/dashboard')), areas()]);
      noteServerTime(board.generatedAt);
      byId.clear();
      for (const e of board.endpoints) byId.set(e.id, e);
      areaList.value = all;
      loaded.value = true;
      error.value = null;
      const wait = scheduleRunsOutAt(board.endpoints, board.generatedAt, SCHEDULE_AHEAD_MS) - board.generatedAt;
      refresh = setTimeout(load, Math.max(MIN_RELOAD_MS, wait));
    } catch (e) {
      error.value = e;
    }
  }
  onBeforeUnmount(() => clearTimeout(refresh));

  useLive('endpoint.status', (ev) => {
    const e = byId.get(ev.endpointId);
    if (!e) return;
    e.online = ev.online;
    e.lastSeenAt = ev.lastSeenAt;
    const faults = e.faults.filter((f) => f !== 'offline');
    if (!ev.online && e.status === 'ACTIVE') faults.unshift('offline');
    e.faults = faults;
    if (!ev.online) e.nowPlaying = null;
  });
  useLive('endpoint.playing', (ev) => {
    const e = byId.get(ev.endpointId);
    if (e) e.nowPlaying = ev.nowPlaying;
  });
  // the heartbeat's own faults replace the last ones at once (a cleared fault leaves); pending/offline stay ours
  useLive('endpoint.heartbeat', (ev) => {
    const e = byId.get(ev.endpointId);
    if (!e || !ev.faults) return;
    e.faults = [...e.faults.filter((f) => f === 'pending' || f === 'offline'), ...ev.faults];
  });
  useLive('endpoint.schedule', (ev) => {
    const e = byId.get(ev.endpointId);
    if (e) e.schedule = ev.schedule;
  });

  // a request asked or decided: only that endpoint is asked for again (gone from the answer: no longer ours to see)
  useLive('endpoint.enrollment', async (ev) => {
    if (!loaded.value) return;
    try {
      const one = await must(api.GET('/api/v1/dashboard', { params: { query: { endpointId: ev.endpointId } } }));
      const e = one.endpoints.find((x) => x.id === ev.endpointId);
      if (e) byId.set(e.id, e);
      else byId.delete(ev.endpointId);
    } catch (e) {
      error.value = e;
    }
  });

  const endpoints = computed(() => [...byId.values()]);
  return { endpoints, areaList, loaded, error, load };
}

/**
 * The commune an area belongs to: the level under the province. A person scoped to a commune sees no province
 * (the top of their tree has a parent they cannot see), and then the top is the commune.
 */
export function communeOf(all: readonly Area[], areaId: number | null | undefined): Area | undefined {
  const chain = ancestry(all, areaId).reverse();
  return chain[0]?.parentId != null ? chain[0] : chain[1] ?? chain[0];
}
