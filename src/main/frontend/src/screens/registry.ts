import { addScreenMessages } from '../i18n';
import type { Role } from '../session/session';
import type { Screen } from './screen';

const modules = import.meta.glob<{ default: Screen }>('./*/screen.ts', { eager: true });

/** Every screen folder, in navigation order. */
export const screens: readonly Screen[] = Object.values(modules).map((m) => m.default)
  .sort((a, b) => (a.nav?.order ?? 999) - (b.nav?.order ?? 999));

for (const s of screens) {
  addScreenMessages(s.id, s.messages);
}

export function mayOpen(screen: Screen, role: Role | undefined): boolean {
  return screen.public === true || (role !== undefined && (screen.roles.length === 0 || screen.roles.includes(role)));
}

/** The navigation a role sees: only the screens it may use. */
export function navigationFor(role: Role): Screen[] {
  return screens.filter((s) => s.nav && !s.public && mayOpen(s, role));
}
