// Shared set-up for the journeys that drive a real agent process (endpoint-remote, emergency): the Java test that
// starts the agent hands its world over in BANTIN_WORLD, and every journey opens its own context signed in by role.
import { before, after } from 'node:test';
import { launch, open } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

export const WORLD = JSON.parse(process.env.BANTIN_WORLD ?? '{}');

// One browser for the file's tests; call at the top level of a test file.
export function sharedBrowser() {
  const held = {};
  before(async () => (held.browser = await launch()));
  after(async () => held.browser?.close());
  return held;
}

export async function openSignedIn(held, role, viewport, options) {
  const opened = await open(held.browser, viewport, options);
  await signIn(opened.page, role);
  return opened;
}
