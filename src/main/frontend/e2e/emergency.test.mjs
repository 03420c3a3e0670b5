import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, shot } from './lib/browser.mjs';
import { WORLD, openSignedIn, sharedBrowser } from './agent-journey.mjs';

// A real agent process with real mpv plays here (vn.bantin.ui.EmergencyBrowserTest starts it).
const LIVE_WAIT = 90_000;

const browser = sharedBrowser();

test('an approved bulletin plays on the real agent, and the dashboard shows it playing and then played, live', async () => {
  const { page, problems, context } = await openSignedIn(browser, 'OPERATOR', DESKTOP);
  await page.getByTestId('dashboard-ready').waitFor();
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByTestId('now-playing').getByText(WORLD.campaign).waitFor({ timeout: LIVE_WAIT });
  assert.match(await page.getByTestId('now-playing').innerText(), new RegExp(WORLD.speaker));
  await page.getByTestId('recent-plays').locator('tbody tr', { hasText: WORLD.campaign }).getByText('Đã phát trọn')
    .waitFor({ timeout: LIVE_WAIT });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'it arrived without a reload');
  await shot(page, 'dashboard-live-play-desktop', true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an operator fires an emergency one-handed on a phone, sees the real agent receive and start it, and cancels it', async () => {
  const { page, problems, context } = await openSignedIn(browser, 'OPERATOR', PHONE, { hasTouch: true });
  await page.getByRole('button', { name: 'Danh mục' }).click();
  await page.locator('#nav').getByRole('link', { name: 'Phát khẩn cấp' }).click();
  await page.getByRole('button', { name: 'Cảnh báo bão' }).click();
  assert.equal(await page.getByLabel('Tiêu đề cảnh báo').inputValue(), 'Cảnh báo bão');
  await page.getByLabel('Nội dung cần đọc').fill('Bão số 3 đang vào đất liền. Bà con ở trong nhà, tránh xa bờ biển.');
  await page.getByTestId('reach-hint').getByText('1 cụm loa').waitFor();
  assert.ok(await fitsWidth(page), 'the form fits 390 px');
  await shot(page, 'emergency-form-phone');
  const next = page.getByTestId('emergency-next');
  const box = await next.boundingBox();
  assert.ok(box.y + box.height > PHONE.height - 120 && box.height >= 48, 'the action is big and at the bottom, in thumb reach');
  await next.click();

  const sheet = page.getByTestId('confirm-fire');
  await sheet.waitFor({ timeout: 60_000 });
  assert.match(await sheet.getByTestId('consequence').innerText(), /Sẽ phát NGAY trên 1 cụm loa và 0 màn hình tại .*Phường Hồng Gai/);
  assert.match(await sheet.getByTestId('confirm-targets').innerText(), new RegExp(WORLD.speaker));
  assert.match(await sheet.getByTestId('override-note').innerText(), /mọi chương trình .* giờ yên lặng/);
  await shot(page, 'emergency-confirm-phone');
  const hold = sheet.getByTestId('hold-to-confirm');
  await hold.tap();
  await hold.click();
  await page.waitForTimeout(500);
  const fired = () => page.evaluate(() => fetch('/api/v1/alerts').then((r) => r.json()).then((a) => a.length));
  assert.equal(await fired(), 0, 'a tap or a click does not fire it');
  const b = await hold.boundingBox();
  assert.ok(b.y + b.height > PHONE.height - 120 && b.height >= 64, 'the hold button is big and at the bottom');
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(2500);
  await page.mouse.up();

  const progress = page.getByTestId('alert-progress');
  await progress.waitFor();
  const row = page.getByTestId('deliveries').locator(`[data-endpoint="${WORLD.endpointId}"]`);
  await row.and(page.locator('[data-state="DELIVERED"], [data-state="STARTED"], [data-state="PLAYED"]')).waitFor({ timeout: LIVE_WAIT });
  await row.and(page.locator('[data-state="STARTED"], [data-state="PLAYED"]')).waitFor({ timeout: LIVE_WAIT });
  assert.match(await row.innerText(), /Bắt đầu phát lúc \d{2}:\d{2}:\d{2}|Đã phát trọn/);
  assert.equal(await page.getByTestId('count-delivered').innerText(), '1');
  assert.equal(await page.getByTestId('count-started').innerText(), '1');
  assert.ok(await fitsWidth(page), 'the progress fits 390 px');
  await shot(page, 'emergency-progress-phone');

  await page.getByTestId('cancel-alert').click();
  await page.getByTestId('confirm-cancel').click();
  await page.getByTestId('cancelled-note').waitFor();
  assert.equal(await progress.getAttribute('data-status'), 'CANCELLED');
  await shot(page, 'emergency-cancelled-phone');

  await page.setViewportSize(DESKTOP);
  await page.goto(BASE + '/emergency');
  await page.getByTestId('emergency-next').waitFor();
  await shot(page, 'emergency-form-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});
