import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { PEOPLE, signIn } from './lib/people.mjs';
import { handOver } from './lib/signals.mjs';

const ROLE_NAMES = { ADMIN: 'Quản trị hệ thống', EDITOR: 'Biên tập viên', APPROVER: 'Người duyệt',
  OPERATOR: 'Đài truyền thanh cơ sở', VIEWER: 'Người xem báo cáo' };

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('each role signs in, sees who it is and its area, and signs out', async () => {
  for (const role of Object.keys(ROLE_NAMES)) {
    const { page, problems, context } = await open(browser);
    await signIn(page, role);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    const who = await page.getByTestId('whoami').innerText();
    assert.match(who, new RegExp(ROLE_NAMES[role]), `${role} sees its role`);
    assert.match(who, role === 'ADMIN' ? /Tỉnh Quảng Ninh/ : /Phường Hồng Gai/, `${role} sees its area`);
    await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
    await page.waitForURL(/\/signin/);
    await page.goto(BASE + '/');
    await page.waitForURL(/\/signin/);
    assert.deepEqual(problems, [], role);
    await context.close();
  }
});

test('the dashboard shows the commune\'s endpoint and fills in live, without reloading', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'OPERATOR');
  await page.getByTestId('dashboard-ready').waitFor();
  await page.getByTestId('live-state').and(page.locator('[data-state="connected"]')).waitFor();
  await page.evaluate(() => (window.__sameDocument = true));
  // the agent fetched its timeline just before: online, playing nothing yet
  assert.match(await page.locator('[data-commune="Phường Hồng Gai"]').innerText(), /1\/1/);
  await page.getByText('Hiện không thiết bị nào đang phát.').waitFor();
  assert.match(await page.getByTestId('today-plan').innerText(), /Bản tin Nghị quyết 57[\s\S]*lúc \d{2}:\d{2}/);

  await handOver('playing');
  await page.getByTestId('now-playing').getByText('Bản tin Nghị quyết 57').waitFor();
  assert.match(await page.getByTestId('now-playing').innerText(), /Cụm loa tổ 5[\s\S]*ban-tin-sang\.wav/);
  assert.match(await page.locator('[data-commune="Phường Hồng Gai"]').innerText(), /1\/1/);
  assert.equal(await page.getByTestId('count-online').innerText(), '1');
  assert.match(await page.getByTestId('now-playing').innerText(), /thiết bị báo đang phát từ \d{2}:\d{2}/);

  // a loop goes on air: no heartbeat comes, yet the panel follows its items from the schedule the device fetched
  await handOver('looping');
  const nowPlaying = page.getByTestId('now-playing');
  await nowPlaying.getByText('Phát lặp an toàn giao thông').waitFor({ timeout: 20_000 });
  await nowPlaying.getByText(/Phát lặp an toàn giao thông — ban-tin-sang\.wav/).waitFor({ timeout: 10_000 });
  await nowPlaying.getByText(/Phát lặp an toàn giao thông — nhac-hieu\.wav/).waitFor({ timeout: 10_000 });
  assert.match(await nowPlaying.innerText(), /theo lịch đã gửi thiết bị, đến \d{2}:\d{2}:\d{2}/);

  await handOver('played');
  const row = page.getByTestId('recent-plays').locator('tbody tr').first();
  await row.getByText('Đã phát trọn').waitFor();
  assert.match(await row.innerText(), /Cụm loa tổ 5[\s\S]*Bản tin Nghị quyết 57[\s\S]*ban-tin-sang\.wav/);
  assert.match(await row.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'dd/MM/yyyy HH:mm');

  // a relay goes on air: the panel names the station it relays, the plan says so too
  await handOver('relaying');
  await nowPlaying.getByText('Tiếp sóng buổi sáng — Tiếp sóng: Đài tỉnh').waitFor({ timeout: 20_000 });
  await page.reload();
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByTestId('live-state').and(page.locator('[data-state="connected"]')).waitFor();
  assert.match(await page.getByTestId('today-plan').innerText(), /Tiếp sóng buổi sáng[\s\S]*lúc \d{2}:\d{2} \(30 phút\) — tiếp sóng: Đài tỉnh/);

  // the device reports a fault, then a heartbeat saying it cleared: the list follows at once, without reloading
  const faults = page.locator('[aria-labelledby="faults"]');
  await handOver('amp-failed');
  await faults.getByText(/Không bật được bộ khuếch đại/).waitFor({ timeout: 10_000 });
  await handOver('amp-cleared');
  await faults.getByText('Không có sự cố.').waitFor({ timeout: 10_000 });
  assert.equal(await faults.getByText(/Không bật được bộ khuếch đại/).count(), 0, 'the cleared fault is gone');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload happened');
  assert.match(await page.getByTestId('zone-label').first().innerText(), /Giờ Việt Nam \(UTC\+7\)/);
  await shot(page, 'dashboard-desktop', true);

  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  assert.ok(await fitsWidth(page), 'dashboard fits 390 px');
  await shot(page, 'dashboard-phone');
  await page.getByRole('button', { name: 'Danh mục' }).click();
  await page.locator('#nav').getByRole('link', { name: 'Tài khoản của tôi' }).click();
  await page.getByTestId('me-role').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a person changes their password and signs in with the new one', async () => {
  const { page, problems, context } = await open(browser, DESKTOP);
  await signIn(page, 'VIEWER');
  await page.goto(BASE + '/account');
  await page.getByLabel('Mật khẩu hiện tại').fill(PEOPLE.VIEWER.password);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngắn');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('ngắn');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('alert').getByText(/ít nhất 10 ký tự/).waitFor();
  const fresh = 'Loa phường mới 2026';
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(fresh);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(fresh);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('status').getByText('Đã đổi mật khẩu.').waitFor();
  await shot(page, 'account-desktop');
  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await signIn(page, 'VIEWER', fresh);
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
