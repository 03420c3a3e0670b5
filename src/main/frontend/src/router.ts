import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { screens, mayOpen, navigationFor } from './screens/registry';
import type { Screen } from './screens/screen';
import { loadSession, session } from './session/session';

const routes: RouteRecordRaw[] = screens.flatMap((s) => [
  { path: s.path, name: s.id, component: s.component, meta: { screen: s } },
  ...(s.pages ?? []).map((p) => ({ path: p.path, name: `${s.id}${p.path}`, component: p.component, meta: { screen: s } })),
]);
routes.push({ path: '/:rest(.*)*', redirect: '/' });

export const router = createRouter({ history: createWebHistory(), routes });

/** Sends people who are not signed in to sign-in, and people whose role may not use a screen to their first one. */
router.beforeEach(async (to) => {
  const screen = to.meta.screen as Screen | undefined;
  if (!session.checked) {
    await loadSession().catch(() => null);
  }
  if (screen?.public) return true;
  const user = session.user;
  if (!user) {
    return { name: 'signin', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  }
  if (!screen || !mayOpen(screen, user.role)) {
    const first = navigationFor(user.role)[0];
    return first && first.id !== to.name ? { name: first.id, query: { denied: screen ? '1' : undefined } } : true;
  }
  return true;
});
