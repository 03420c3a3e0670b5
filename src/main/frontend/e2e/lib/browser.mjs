// Real headless Chromium (Debian's, driven by playwright-core; no browser download) for the UI journeys.
// The Java side (src/test/java/vn/bantin/ui) starts the controller and passes BANTIN_URL and SCREENSHOT_DIR.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.BANTIN_URL ?? 'http://127.0.0.1:8080';
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/ui-screenshots';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** @param extra more Chromium flags (the live journey's fake microphone) */
export async function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...FLAGS, ...extra] });
}

/**
 * A fresh browser profile at a viewport, collecting what would embarrass us: page errors, console errors and
 * requests that left the machine (the UI must work on a closed network).
 */
export async function open(browser, viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // refused requests show up as responses below; 401/403/404 answers are part of the journeys
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`server error ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http')) {
      problems.push(`external request: ${r.url()}`);
    }
  });
  return { context, page, problems };
}

/** Saves a screenshot as SCREENSHOT_DIR/<name>.png (the user guide and the reviewers use them). */
export async function shot(page, name, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** The texts of the matched elements that reach past the left or right edge of the viewport (none, on a fitting page). */
export async function outOfSight(locator) {
  return locator.evaluateAll((all) => all.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.left < 0 || r.right > window.innerWidth;
  }).map((e) => e.textContent.trim()));
}

/** Whether the page fits its viewport's width (no sideways scrolling on a phone). */
export async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Whether a select shows its chosen option whole: the option's text, padding and arrow fit the box. */
export async function selectShowsChoice(select) {
  return select.evaluate((el) => {
    const style = getComputedStyle(el);
    const pen = document.createElement('canvas').getContext('2d');
    pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = pen.measureText(el.options[el.selectedIndex].text).width;
    const ARROW = 20;
    return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + ARROW <= el.clientWidth;
  });
}
