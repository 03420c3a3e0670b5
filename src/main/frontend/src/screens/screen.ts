import type { Component } from 'vue';
import type { Role } from '../session/session';

/**
 * One screen of the UI. Each lives in its own folder under screens/ with a screen.ts default-exporting this,
 * its components and its messages (vi.json, en.json); the registry finds every folder by itself.
 */
export interface Screen {
  /** Unique id; also the namespace of the screen's messages (t('<id>.title')). */
  id: string;
  /** Route path, e.g. '/media' (children of a screen use their own paths under it). */
  path: string;
  /** Who may open it; the server enforces the same, the UI only hides. Empty: everyone signed in. */
  roles: readonly Role[];
  /** Lazily loaded, so the first load carries only what the first screen needs. */
  component: () => Promise<Component>;
  /** Pages under the screen (e.g. one endpoint at '/endpoints/:id'), guarded by the same roles. */
  pages?: readonly { path: string; component: () => Promise<Component> }[];
  /** Where it appears in the navigation (lower first); omit for screens reached another way. */
  nav?: { order: number; icon: Component; emphasis?: boolean };
  /** Screens shown without signing in (sign-in itself). */
  public?: boolean;
  messages: { vi: object; en: object };
}

export function defineScreen(screen: Screen): Screen {
  return screen;
}
