import { onBeforeUnmount, ref } from 'vue';
import type { components } from '../api/schema';
import { i18n } from '../i18n';
import { formatTime } from '../format/time';

export type OnAirEntry = components['schemas']['OnAirEntry'];
type Summary = components['schemas']['EndpointSummary'];

/** What plays at a moment by the endpoint's schedule; item null when the entry has no file (a stream) or is done. */
export interface ScheduledNow {
  entry: OnAirEntry;
  assetName: string | null;
  itemIndex: number | null;
  /** when the item (or, without one, the entry) ends */
  until: number;
}

/** The controller's clock as this browser sees it: offset measured from the dashboard's generatedAt. */
let serverOffsetMs = 0;
export function noteServerTime(serverMs: number): void {
  serverOffsetMs = serverMs - Date.now();
}

/** Server time, ticking every second while a component uses it. */
export const serverNow = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function useServerNow() {
  users++;
  if (!timer) {
    serverNow.value = Date.now() + serverOffsetMs;
    timer = setInterval(() => (serverNow.value = Date.now() + serverOffsetMs), 1000);
  }
  onBeforeUnmount(() => {
    if (--users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  return serverNow;
}

/** The item a LOOP or ONCE entry plays at `now` (see the timeline contract: loops repeat from the anchor). */
export function scheduledAt(schedule: OnAirEntry[] | null | undefined, now: number): ScheduledNow | null {
  const entry = schedule?.find((e) => e.startMs <= now && now < e.endMs);
  if (!entry) return null;
  const cycle = entry.items.reduce((sum, i) => sum + i.durationMs, 0);
  const from = entry.mode === 'LOOP' ? entry.anchorMs : entry.mode === 'ONCE' ? entry.startMs : null;
  if (from === null || cycle <= 0 || (entry.mode === 'ONCE' && now - from >= cycle)) {
    return { entry, assetName: null, itemIndex: null, until: entry.endMs };
  }
  const cycleStart = from + Math.floor((now - from) / cycle) * cycle;
  let at = cycleStart;
  for (let i = 0; i < entry.items.length; i++) {
    const end = at + entry.items[i].durationMs;
    if (now < end) return { entry, assetName: entry.items[i].assetName, itemIndex: i, until: Math.min(end, entry.endMs) };
    at = end;
  }
  return { entry, assetName: null, itemIndex: null, until: entry.endMs };
}

/**
 * What an online endpoint plays now, in words, and on what grounds: the schedule its device was given (a loop's item
 * worked out from it), marked when the device's last report names the same entry; else what the device last said,
 * unless that entry is over by the schedule (heartbeats come only every half hour).
 */
export interface OnAirText {
  title: string;
  content: string | null;
  basis: string;
  emergency: boolean;
}

/**
 * An entry's title and content in words: a file entry by campaign and item; a relay by campaign and the source it
 * relays ("Tiếp sóng: Đài tỉnh"); a live session as "Phát trực tiếp" with its title and who speaks.
 */
export function entryWords(entry: OnAirEntry | undefined, campaignName: string | null | undefined,
  assetName: string | null | undefined): { title: string; content: string | null } {
  const t = i18n.global.t;
  const stream = entry?.stream;
  if (stream?.liveSessionId != null) {
    return {
      title: t('onAir.liveTitle', { title: stream.name }),
      content: stream.speaker ? t('onAir.speaker', { speaker: stream.speaker }) : null,
    };
  }
  const title = campaignName ?? t('onAir.unnamed');
  if (stream) return { title, content: t('onAir.relay', { source: stream.name }) };
  return { title, content: assetName ?? null };
}

export function onAirText(e: Summary, now: number): OnAirText | null {
  if (!e.online) return null;
  const t = i18n.global.t;
  const planned = scheduledAt(e.schedule, now);
  if (planned) {
    const confirmed = e.nowPlaying?.entryId === planned.entry.entryId;
    // a live session has no end planned: it ends when the speaker stops
    const live = planned.entry.stream?.liveSessionId != null;
    const basis = live ? (confirmed ? 'onAir.liveBasisConfirmed' : 'onAir.liveBasis')
      : confirmed ? 'onAir.byScheduleConfirmed' : 'onAir.bySchedule';
    return {
      ...entryWords(planned.entry, planned.entry.campaignName, planned.assetName),
      basis: t(basis, { until: formatTime(planned.until, undefined, true) }),
      emergency: planned.entry.broadcastClass === 'EMERGENCY',
    };
  }
  // the device's word, unless the schedule it was given has that entry over already
  const reported = e.nowPlaying;
  if (reported && (!e.schedule || e.schedule.some((x) => x.entryId === reported.entryId))) {
    return {
      ...entryWords(e.schedule?.find((x) => x.entryId === reported.entryId), reported.campaignName, reported.assetName),
      basis: reported.since ? t('onAir.reportedSince', { time: formatTime(reported.since) }) : t('onAir.reported'),
      emergency: reported.broadcastClass === 'EMERGENCY',
    };
  }
  return null;
}

/** When the board should ask again: the end of the last entry it knows for any endpoint, or hours ahead. */
export function scheduleRunsOutAt(endpoints: Summary[], generatedAt: number, aheadMs: number): number {
  let at = generatedAt + aheadMs;
  for (const e of endpoints) {
    if (!e.online || !e.schedule?.length) continue;
    at = Math.min(at, e.schedule[e.schedule.length - 1].endMs);
  }
  return at;
}
