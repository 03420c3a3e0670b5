import { onBeforeUnmount, ref } from 'vue';
import type { LiveEventMap, LiveEventType } from './events';

export type LiveState = 'connecting' | 'connected' | 'disconnected';

/** The state of the one server-push connection, for the indicator in the header. */
export const liveState = ref<LiveState>('disconnected');

type Handler = (data: never) => void;
const handlers = new Map<string, Set<Handler>>();
let source: EventSource | null = null;

function attach(type: string): void {
  source?.addEventListener(type, (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data);
    handlers.get(type)?.forEach((h) => (h as (d: unknown) => void)(data));
  });
}

/** Opens GET /api/v1/events (the session cookie authenticates it); the browser reconnects by itself. */
export function connectLive(): void {
  if (source) return;
  liveState.value = 'connecting';
  source = new EventSource('/api/v1/events');
  source.onopen = () => (liveState.value = 'connected');
  source.onerror = () => {
    liveState.value = source?.readyState === EventSource.CLOSED ? 'disconnected' : 'connecting';
  };
  handlers.forEach((_, type) => attach(type));
}

export function disconnectLive(): void {
  source?.close();
  source = null;
  liveState.value = 'disconnected';
}

/** Listens for one type of event until the returned function is called. */
export function onLive<T extends LiveEventType>(type: T, handler: (data: LiveEventMap[T]) => void): () => void {
  let set = handlers.get(type);
  if (!set) {
    set = new Set();
    handlers.set(type, set);
    attach(type);
  }
  set.add(handler as Handler);
  return () => set!.delete(handler as Handler);
}

/** onLive for a component: stops listening when the component goes away. */
export function useLive<T extends LiveEventType>(type: T, handler: (data: LiveEventMap[T]) => void): void {
  onBeforeUnmount(onLive(type, handler));
}
