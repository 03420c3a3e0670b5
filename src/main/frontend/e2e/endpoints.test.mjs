import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, outOfSight, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';
import { handOver } from './lib/signals.mjs';
import { writeFileSync } from 'node:fs';

const WORLD = JSON.parse(process.env.BANTIN_WORLD ?? '{}');
const SPEAKER = 'Cụm loa tổ 5';
const grouped = (hex) => hex.replace(/(.{4})(?=.)/g, '$1 ');

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** A write with the page's own session and CSRF token, as a script in the page could send it; its status. */
async function send(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const csrf = await (await fetch('/api/v1/session')).json().then((s) => s.csrfToken);
    return (await fetch(p, { method: m, body: JSON.stringify(b),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } })).status;
  }, [method, path, body]);
}

/** Markup stored in names and device facts must never run: the test endpoints carry window.__xss payloads. */
async function noScriptRan(page, where) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, `markup ran on ${where}`);
  assert.equal(await page.locator('main img[src="x"], main svg[onload], main script').count(), 0, `markup became elements on ${where}`);
}

test('an operator lists their commune\'s endpoints, reads one\'s state in plain words and places it on the map', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'OPERATOR');
  await page.locator('#nav').getByRole('link', { name: 'Thiết bị' }).click();
  const list = page.getByTestId('endpoint-list');
  await list.getByText(SPEAKER).waitFor();
  assert.doesNotMatch(await list.innerText(), /Bãi Cháy/, 'another commune\'s endpoint is not listed');
  await list.getByText('Loa <b>chợ</b>', { exact: false }).waitFor();
  assert.match(await list.innerText(), /<img src=x onerror="window\.__xss='name'">Loa <b>chợ<\/b>/, 'a name is shown as typed');
  await noScriptRan(page, 'the list');
  await shot(page, 'endpoints-list-desktop');

  await list.getByRole('link', { name: SPEAKER }).click();
  await page.getByTestId('endpoint-name').getByText(SPEAKER).waitFor();
  const facts = page.getByTestId('heartbeat-facts');
  await facts.waitFor();
  const text = await facts.innerText();
  assert.match(text, /Còn trống 8 GB trên 32 GB/);
  assert.match(text, /Sẵn sàng, đang chờ/);
  assert.match(text, /phần mềm khởi động lại 1 lần; mất kết nối 2 lần, tổng 1 phút/);
  assert.match(text, /Khớp với máy chủ \(lệch 12 ms\)/);
  assert.match(text, /48,5 °C/);
  assert.match(await page.getByTestId('reported-faults').innerText(), /Đồng hồ của máy bị nhảy giờ/, 'agent fault codes in words');
  assert.equal(await page.getByTestId('fingerprint').innerText(), grouped(WORLD.deviceId), 'the key as the device logs it');
  await page.getByLabel('Vĩ độ').fill('20,9517');
  await page.getByLabel('Kinh độ').fill('107,0801');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('status').getByText('Đã lưu vị trí.').waitFor();
  await page.getByTestId('location').getByText('Vĩ độ 20,9517, kinh độ 107,0801').waitFor();
  await shot(page, 'endpoint-detail-desktop', true);

  await page.goto(BASE + '/endpoints?view=map');
  const marker = page.locator(`.leaflet-marker-icon[data-endpoint="${WORLD.endpointId}"]`);
  await marker.waitFor();
  assert.ok(await page.locator('.endpoint-map.no-tiles').count(), 'no tile server: a plain background with a grid');
  assert.ok(await page.locator('.map-grid-label').count() > 2, 'grid lines are labelled');
  await page.getByText('Phường Hồng Gai', { exact: true }).first().waitFor();
  await marker.click();
  const popup = page.locator('.leaflet-popup-content');
  await popup.getByText(SPEAKER).waitFor();
  await page.waitForTimeout(400);
  await shot(page, 'endpoints-map-desktop');
  await popup.getByRole('button', { name: 'Xem chi tiết' }).click();
  await page.waitForURL(`**/endpoints/${WORLD.endpointId}`);

  await page.setViewportSize(PHONE);
  await page.goto(BASE + '/endpoints');
  await page.getByTestId('endpoint-list').waitFor();
  assert.ok(await fitsWidth(page), 'the list fits 390 px');
  assert.deepEqual(await outOfSight(page.getByRole('tab')), [], 'every tab in sight at 390 px');
  await shot(page, 'endpoints-list-phone');
  await page.goto(BASE + `/endpoints/${WORLD.endpointId}`);
  await page.getByTestId('heartbeat-facts').waitFor();
  assert.ok(await fitsWidth(page), 'an endpoint fits 390 px');
  await shot(page, 'endpoint-detail-phone', true);
  await page.goto(BASE + '/endpoints?view=map');
  await page.locator('.leaflet-marker-icon').first().waitFor();
  assert.ok(await fitsWidth(page), 'the map fits 390 px');
  await shot(page, 'endpoints-map-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an operator opening another commune\'s endpoint, by URL too, gets nothing from it', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'OPERATOR');
  const answers = [];
  page.on('response', (r) => r.url().includes(`/api/v1/endpoints/${WORLD.otherEndpointId}`) && answers.push(r.status()));
  await page.goto(BASE + `/endpoints/${WORLD.otherEndpointId}`);
  await page.getByTestId('endpoint-problem').getByText('Không tìm thấy, hoặc nằm ngoài khu vực của bạn.').waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /Bãi Cháy/);
  assert.ok(answers.length > 0 && answers.every((s) => s === 404), `every answer about it is 404: ${answers}`);
  const id = WORLD.otherEndpointId;
  const writes = [await send(page, 'PUT', `/api/v1/endpoints/${id}/location`, { latitude: 21, longitude: 107 }),
    await send(page, 'POST', `/api/v1/endpoints/${id}/enrollment-code`, {}),
    await send(page, 'POST', `/api/v1/endpoints/${id}/revoke`, {})];
  assert.deepEqual(writes, [404, 404, 404], 'nor can it change it through the API with its own session');
  const dashboard = await page.evaluate(() => fetch('/api/v1/dashboard').then((r) => r.json()));
  assert.ok(dashboard.endpoints.every((e) => e.id !== WORLD.otherEndpointId), 'nor see it on the dashboard');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an admin adds a loudspeaker cluster and gets a one-time code with a QR for the installer', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await signIn(page, 'ADMIN');
  await page.goto(BASE + '/endpoints');
  await page.getByTestId('add-endpoint').click();
  await page.getByLabel('Tên', { exact: true }).fill('Cụm loa tổ 9');
  await page.getByLabel('Khu vực').selectOption({ label: 'Tỉnh Quảng Ninh › Phường Hồng Gai' });
  await page.getByTestId('create-endpoint').click();
  const code = (await page.getByTestId('code-value').innerText()).trim();
  assert.ok(code.length >= 8, `a code is shown: ${code}`);
  const installer = await page.getByTestId('installer-text').innerText();
  assert.match(installer, new RegExp(`controller\\.url=${BASE.replace(/[.:/]/g, '\\$&')}`));
  assert.match(installer, new RegExp(`enrollment\\.code=${code}`));
  assert.match(installer, /kind=SPEAKER/);
  const qr = page.getByTestId('qr');
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 100), 'the QR code is drawn');
  assert.ok(await fitsWidth(page));
  await shot(page, 'endpoint-code-phone', true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a device that asked to join waits for an admin of every area, who compares its key and approves it', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'SYSTEM');
  await page.goto(BASE + '/endpoints?view=requests');
  const requests = page.getByTestId('enrollment-requests');
  await requests.waitFor();
  const card = requests.locator('li').first();
  const text = await card.innerText();
  assert.match(text, /<svg onload="window\.__xss='device'">loa-moi/, 'the name the device gave, as text');
  assert.match(text, /<img src=x onerror="window\.__xss='model'">Pi 4/, 'its facts, as text');
  assert.match(text, new RegExp(grouped(WORLD.strangerDeviceId)), 'its key, grouped as the device logs it');
  await noScriptRan(page, 'the enrollment requests');
  await shot(page, 'endpoint-requests-desktop');
  await card.getByLabel('Đặt vào khu vực').selectOption({ label: 'Tỉnh Quảng Ninh › Phường Hồng Gai' });
  await card.getByTestId('approve-device').click();
  await page.getByTestId('no-requests').waitFor();
  await page.getByRole('tab', { name: 'Danh sách' }).click();
  const row = page.getByTestId('endpoint-list').locator('tr', { hasText: 'loa-moi' });
  await row.getByTestId('endpoint-status').filter({ hasNotText: 'Chờ duyệt' }).waitFor();
  await page.goto(BASE + '/');
  await page.getByTestId('dashboard-ready').waitFor();
  await noScriptRan(page, 'the dashboard');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an operator issues the commune\'s code for an installer, the device it lets in waits there, and the code is revoked', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'OPERATOR');
  await page.goto(BASE + '/endpoints');
  await page.getByRole('tab', { name: 'Mã cho người lắp đặt' }).click();
  const panel = page.getByTestId('area-codes');
  const area = panel.getByLabel('Khu vực');
  assert.equal(await area.locator(`option[value="${WORLD.otherCommuneId}"]`).count(), 0, 'only the operator\'s own areas');
  await area.selectOption(String(WORLD.communeId));
  await panel.getByTestId('no-area-codes').waitFor();
  await panel.getByLabel('Hiệu lực (ngày, 1–30)').fill('3');
  await panel.getByLabel('Số thiết bị tối đa (1–500)').fill('5');
  await panel.getByTestId('issue-area-code').click();
  const code = (await panel.getByTestId('code-value').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.match(await panel.getByTestId('enrollment-code').innerText(), /Mã kết nối cho các thiết bị của (.* › )?Phường Hồng Gai[\s\S]*Dùng được cho 5 thiết bị, hết hạn lúc \d{2}\/\d{2}\/\d{4}/);
  const installer = await panel.getByTestId('installer-text').innerText();
  assert.match(installer, new RegExp(`controller\\.url=${BASE.replace(/[.:/]/g, '\\$&')}`));
  assert.match(installer, new RegExp(`enrollment\\.code=${code}`));
  assert.match(installer, /kind=SPEAKER/);
  assert.doesNotMatch(installer, /^name=/m, 'each device of an area code is named on the device');
  const qr = panel.getByTestId('qr');
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 100), 'the QR code is drawn');
  const listed = panel.getByTestId('active-area-codes').locator('li');
  await listed.first().getByText('Đã dùng 0/5').waitFor();
  assert.equal(await listed.count(), 1);
  assert.doesNotMatch(await panel.getByTestId('active-area-codes').innerText(), new RegExp(code), 'the list never shows a code again');
  await shot(page, 'endpoint-area-code-desktop', true);

  const requestsTab = page.getByRole('tab', { name: /Yêu cầu kết nối/ });
  assert.equal(await requestsTab.locator('.badge').count(), 0, 'nothing waits in the commune yet');
  const fullReloads = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/v1/dashboard' && !url.searchParams.has('endpointId')) fullReloads.push(url.href);
  });
  writeFileSync(WORLD.codeFile, code);
  await handOver('installed');
  await requestsTab.locator('.badge').getByText('1', { exact: true }).waitFor();
  await requestsTab.click();
  const waiting = page.getByTestId('enrollment-requests').locator('li', { hasText: 'Cụm loa tổ 7' });
  await waiting.waitFor();
  assert.deepEqual(fullReloads, [], 'the request arrived over the live stream, without reloading the board');
  await shot(page, 'endpoint-requests-live-desktop');
  await page.getByRole('tab', { name: 'Mã cho người lắp đặt' }).click();
  await panel.getByLabel('Khu vực').selectOption(String(WORLD.communeId));
  await listed.first().getByText('Đã dùng 1/5').waitFor();

  await page.setViewportSize(PHONE);
  assert.ok(await fitsWidth(page), 'the codes fit 390 px');
  assert.deepEqual(await outOfSight(page.getByRole('tab')), [], 'the chosen tab and the others in sight at 390 px');
  await shot(page, 'endpoint-area-code-phone', true);
  await listed.first().getByRole('button', { name: 'Thu hồi mã' }).click();
  await listed.first().getByRole('button', { name: 'Đồng ý' }).click();
  await panel.getByTestId('no-area-codes').waitFor();
  await panel.getByRole('status').getByText(/Đã thu hồi mã cấp lúc/).waitFor();
  const other = await send(page, 'POST', `/api/v1/areas/${WORLD.otherCommuneId}/enrollment-codes`, {});
  assert.equal(other, 404, 'nor can the operator issue another commune\'s code through the API');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a viewer sees the endpoints and their state but no controls', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'VIEWER');
  await page.goto(BASE + `/endpoints/${WORLD.endpointId}`);
  await page.getByTestId('heartbeat-facts').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Đặt âm lượng' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Lưu' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Thu hồi thiết bị' }).count(), 0);
  await page.goto(BASE + '/endpoints');
  await page.getByTestId('endpoint-list').waitFor();
  assert.equal(await page.getByTestId('add-endpoint').count(), 0);
  assert.equal(await page.getByRole('tab', { name: 'Mã cho người lắp đặt' }).count(), 0, 'no installer codes for a viewer');
  await page.goto(BASE + '/endpoints?view=codes');
  await page.getByTestId('endpoint-list').waitFor();
  assert.equal(await page.getByTestId('area-codes').count(), 0, 'nor by URL');
  await noScriptRan(page, 'the list, as a viewer');
  assert.deepEqual(problems, []);
  await context.close();
});
