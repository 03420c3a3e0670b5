// The measuring side of ops/bench/ui: seeds through the management API, then drives headless Chromium.
import { readFileSync } from 'node:fs';
import { launch } from '../lib/browser.mjs';

const BASE = process.env.BANTIN_URL;
const AUTH = readFileSync(process.env.AUTH_FILE, 'utf8').trim().replace(/^Authorization: /, '');
const RUNS = 5;

async function call(method, path, body) {
  const r = await fetch(BASE + path, { method, headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bytes on the wire for a cold load of a page, and the same files' decoded size, through the DevTools protocol. */
async function firstLoad(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes = new Map();
  let wire = 0;
  cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { headers: e.response.encodedDataLength ?? 0 }));
  cdp.on('Network.dataReceived', (e) => {
    const s = sizes.get(e.requestId);
    if (s) s.decoded = (s.decoded ?? 0) + e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = sizes.get(e.requestId);
    if (s) s.total = e.encodedDataLength;
  });
  await page.goto(BASE + '/signin', { waitUntil: 'networkidle' });
  await page.getByLabel('Tên đăng nhập').waitFor();
  let decoded = 0;
  for (const s of sizes.values()) {
    wire += Math.max(0, (s.total ?? 0) - (s.headers ?? 0));
    decoded += s.decoded ?? 0;
  }
  await context.close();
  return { wire, decoded };
}

async function signedInContext(browser, username, password) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE + '/signin');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('dashboard-ready').waitFor();
  return { context, page };
}

/** Cold cache each time (the session cookie stays): navigation start to the dashboard drawn. */
async function dashboardReady(browser, username, password) {
  const { context, page } = await signedInContext(browser, username, password);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(BASE + '/');
    await page.getByTestId('dashboard-ready').waitFor();
    await page.getByTestId('count-online').waitFor();
    times.push(Date.now() - start);
  }
  await context.close();
  return median(times);
}

async function apiOnly() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = Date.now();
    await call('GET', '/api/v1/dashboard');
    times.push(Date.now() - start);
  }
  return median(times);
}

async function person(areaId) {
  const username = `bench-${Date.now()}`;
  const made = await call('POST', '/api/v1/users', { username, role: 'ADMIN', areaId, displayName: 'Bench' });
  return [username, made.password];
}

const province = await call('POST', '/api/v1/areas', { name: 'Tỉnh Quảng Ninh', zone: 'Asia/Ho_Chi_Minh' });
const commune = await call('POST', '/api/v1/areas', { name: 'Xã Bình Sơn', parentId: province.id });
await call('POST', '/api/v1/endpoints', { name: 'Màn hình LED cổng UBND xã', kind: 'SCREEN', areaId: commune.id });
await call('POST', '/api/v1/endpoints', { name: 'Cụm loa thôn Sơn Lang', kind: 'SPEAKER', areaId: commune.id });
const [user, password] = await person(province.id);

const browser = await launch();
const load = await firstLoad(browser);
console.log(`BENCH ui.first_load_kb ${(load.wire / 1000).toFixed(1)} kB (uncompressed ${(load.decoded / 1000).toFixed(1)} kB, same files)`);
const demoApi = await apiOnly();
const demo = await dashboardReady(browser, user, password);
console.log(`BENCH ui.dashboard_ready_ms ${demo} ms (2 endpoints; GET /api/v1/dashboard alone: ${demoApi} ms)`);

const communes = [];
for (let i = 1; i <= 50; i++) {
  communes.push(await call('POST', '/api/v1/areas', { name: `Xã số ${i}`, parentId: province.id }));
}
const made = [];
for (let i = 0; i < 998; i++) {
  const area = communes[i % communes.length];
  made.push(call('POST', '/api/v1/endpoints', { name: `Cụm loa ${area.name} – ${i}`, kind: i % 4 ? 'SPEAKER' : 'SCREEN',
    areaId: area.id }));
  if (made.length === 20) await Promise.all(made.splice(0));
}
await Promise.all(made);
const provinceApi = await apiOnly();
const provinceReady = await dashboardReady(browser, user, password);
console.log(`BENCH ui.dashboard_ready_1000_endpoints_ms ${provinceReady} ms (1,000 endpoints in 51 communes; `
  + `GET /api/v1/dashboard alone: ${provinceApi} ms)`);
await browser.close();
