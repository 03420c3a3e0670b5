// The measuring side of ops/bench/ui: seeds through the management API, then drives headless Chromium.
import { readFileSync } from 'node:fs';
import { launch } from '../lib/browser.mjs';
import { Device } from './devices.mjs';

const BASE = process.env.BANTIN_URL;
const AUTH = readFileSync(process.env.AUTH_FILE, 'utf8').trim().replace(/^Authorization: /, '');
const RUNS = 5;
const CONCURRENCY = 16;
const ZONE = 'Asia/Ho_Chi_Minh';

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

/** An endpoint as in the field: made by a person, enrolled by its device with a one-time code, heartbeating. */
async function enrolledEndpoint(area, i) {
  const kind = i % 4 ? 'SPEAKER' : 'SCREEN';
  const e = await call('POST', '/api/v1/endpoints', { name: `${kind === 'SPEAKER' ? 'Cụm loa' : 'Màn hình'} ${area.name} – ${i}`,
    kind, areaId: area.id });
  const { code } = await call('POST', `/api/v1/endpoints/${e.id}/enrollment-code`, {});
  const device = new Device(BASE);
  await device.enroll(kind, e.name, code);
  await device.heartbeatPlayingFirst();
}

/** An approved bulletin that loops on every loudspeaker of the province for the next three hours. */
async function bulletinLoop(areaId) {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(process.env.TONE_FILE)], { type: 'audio/wav' }), 'ban-tin-nghi-quyet-57.wav');
  const up = await fetch(BASE + '/api/v1/assets', { method: 'POST', headers: { Authorization: AUTH }, body: form });
  const asset = await up.json();
  await call('POST', `/api/v1/assets/${asset.id}/approve`, {});
  for (let a = asset; a.status === 'PROCESSING';) {
    await new Promise((r) => setTimeout(r, 200));
    a = await call('GET', `/api/v1/assets/${asset.id}`);
  }
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' })
    .format(new Date()).replace(' ', 'T');
  const campaign = await call('POST', '/api/v1/campaigns', { name: 'Tuyên truyền Nghị quyết 57',
    startDate: local.slice(0, 10), endDate: local.slice(0, 10),
    playlist: [{ assetId: asset.id }], slots: [{ mode: 'LOOP', windowMinutes: 180, at: [local] }],
    targets: { areas: [areaId] } });
  await call('POST', `/api/v1/campaigns/${campaign.id}/approve`, {});
}

const province = await call('POST', '/api/v1/areas', { name: 'Tỉnh Quảng Ninh', zone: 'Asia/Ho_Chi_Minh' });
const commune = await call('POST', '/api/v1/areas', { name: 'Xã Bình Sơn', parentId: province.id });
await bulletinLoop(province.id);
await enrolledEndpoint(commune, 0);
await enrolledEndpoint(commune, 1);
const [user, password] = await person(province.id);

const browser = await launch();
const load = await firstLoad(browser);
console.log(`BENCH ui.first_load_kb ${(load.wire / 1000).toFixed(1)} kB (uncompressed ${(load.decoded / 1000).toFixed(1)} kB, same files)`);
const demoApi = await apiOnly();
const demo = await dashboardReady(browser, user, password);
console.log(`BENCH ui.dashboard_ready_ms ${demo} ms (2 enrolled endpoints; GET /api/v1/dashboard alone: ${demoApi} ms)`);

const communes = [];
for (let i = 1; i <= 50; i++) {
  communes.push(await call('POST', '/api/v1/areas', { name: `Xã số ${i}`, parentId: province.id }));
}
const seedStart = Date.now();
const pending = [];
for (let i = 2; i < 1000; i++) {
  pending.push(enrolledEndpoint(communes[i % communes.length], i));
  if (pending.length === CONCURRENCY) await Promise.all(pending.splice(0));
}
await Promise.all(pending);
const board = await call('GET', '/api/v1/dashboard');
const online = board.endpoints.filter((e) => e.online).length;
const named = board.endpoints.filter((e) => e.nowPlaying?.campaignName).length;
console.log(`# 1,000 endpoints: ${online} online, enrolled and heartbeating; ${named} playing a named campaign `
  + `(seeded in ${((Date.now() - seedStart) / 1000).toFixed(0)} s)`);
const provinceApi = await apiOnly();
const provinceReady = await dashboardReady(browser, user, password);
console.log(`BENCH ui.dashboard_ready_1000_endpoints_ms ${provinceReady} ms (1,000 enrolled endpoints in 51 communes, `
  + `${named} playing; GET /api/v1/dashboard alone: ${provinceApi} ms)`);
await browser.close();
