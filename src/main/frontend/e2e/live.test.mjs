import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

// Chromium's fake microphone plays this WAV (Vietnamese spoken by espeak-ng) over and over while captured.
const MIC = process.env.BANTIN_FAKE_MIC;
const WORLD = JSON.parse(process.env.BANTIN_WORLD ?? '{}');
const HOLD_MS = 5000;

let browser;
before(async () => (browser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-audio-capture=${MIC}`, '--autoplay-policy=no-user-gesture-required'])));
after(async () => browser?.close());

async function json(page, path) {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path);
}

test('an operator on a phone holds to talk to the commune\'s loudspeaker, sees it play, and the recording is kept', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await signIn(page, 'OPERATOR');
  await page.goto(BASE + '/live');
  await page.getByRole('heading', { name: 'Phát trực tiếp', exact: true }).waitFor();
  await page.getByLabel(WORLD.commune).check();
  const consequence = page.getByTestId('live-consequence');
  assert.match(await consequence.innerText(), /Phát tới 1 cụm loa[\s\S]*giờ yên lặng/);
  await page.getByLabel('Khẩn cấp').check();
  assert.match(await consequence.innerText(), /KHẨN CẤP: ngắt mọi chương trình đang phát trên 1 cụm loa/);
  await page.getByLabel('Thường').check();
  await page.getByLabel('Tiêu đề buổi phát').fill('Thông báo họp tổ dân phố');
  assert.ok(await fitsWidth(page), 'the live page fits 390 px');
  await shot(page, 'live-phone');

  // a second phone has the dashboard open: it learns of the session live, by title and who speaks
  const watcher = await open(browser, PHONE);
  await signIn(watcher.page, 'OPERATOR');
  await watcher.page.getByTestId('dashboard-ready').waitFor();

  const talk = page.getByTestId('talk');
  // on a phone the button sits in a bar at the bottom of the screen: reachable one-handed, without scrolling
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await talk.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= viewport.height / 2 && box.y + box.height <= viewport.height,
    `the talk button is in the lower half of the screen, whole (${JSON.stringify(box)} in ${viewport.height} px)`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const pressedAt = Date.now();
  await page.mouse.down();
  const progress = page.getByTestId('live-progress');
  await progress.getByText('Đang phát trực tiếp').waitFor({ timeout: 20_000 });
  await page.getByTestId('live-endpoints').locator('[data-state="PLAYING"]').getByText(WORLD.speaker)
    .waitFor({ timeout: 30_000 });
  await shot(page, 'live-on-air-phone');
  const onAir = `Phát trực tiếp: Thông báo họp tổ dân phố — người nói: ${WORLD.speakerName}`;
  await watcher.page.getByTestId('now-playing').getByText(onAir).waitFor({ timeout: 20_000 });
  assert.match(await watcher.page.getByTestId('today-live').innerText(),
    new RegExp(`Phát trực tiếp: Thông báo họp tổ dân phố[\\s\\S]*Người nói: ${WORLD.speakerName}[\\s\\S]*đang phát từ \\d{2}:\\d{2}`));
  await shot(watcher.page, 'dashboard-live-session-phone', true);
  assert.deepEqual(watcher.problems, []);
  await watcher.context.close();
  const held = Math.max(0, HOLD_MS - (Date.now() - pressedAt));
  await page.waitForTimeout(held);
  await page.mouse.up();
  const talkedMs = Date.now() - pressedAt;

  await progress.getByText('Đã kết thúc').waitFor({ timeout: 20_000 });
  assert.match(await progress.innerText(), /1\/1 cụm loa đã phát[\s\S]*Đã phát/, 'told in the past tense once over');
  await page.getByTestId('live-recorded').waitFor({ timeout: 60_000 });
  const [latest] = await json(page, '/api/v1/live-sessions?limit=1&sort=-id');
  assert.equal(latest.title, 'Thông báo họp tổ dân phố');
  assert.equal(latest.status, 'ENDED');
  assert.equal(latest.startedBy, 'ui-operator');
  const recording = await json(page, `/api/v1/assets/${latest.recordingAssetId}`);
  assert.equal(recording.kind, 'AUDIO');
  // the recording holds what was sent: from the first piece after the press to the last before letting go
  assert.ok(recording.durationMs > talkedMs - 3000 && recording.durationMs <= talkedMs + 1000,
    `recording ${recording.durationMs} ms for ${talkedMs} ms held`);
  assert.equal(latest.startedByName, WORLD.speakerName);
  const past = page.getByTestId('live-past').locator('li', { hasText: 'Thông báo họp tổ dân phố' }).first();
  await past.waitFor();
  assert.match(await past.innerText(), new RegExp(`· ${WORLD.speakerName} · 1 cụm loa`), 'the speaker by name');
  assert.doesNotMatch(await past.innerText(), /ui-operator/, 'not by login');
  await page.setViewportSize(DESKTOP);
  await shot(page, 'live-desktop', true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the consequence of an emergency is spelled out, and a stray tap does not put it on air', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await signIn(page, 'OPERATOR');
  await page.goto(BASE + '/live');
  await page.getByLabel(WORLD.commune).check();
  await page.getByLabel('Chạm để bật/tắt').check();
  await page.getByLabel('Khẩn cấp').check();
  await page.getByTestId('talk').click();
  await page.getByTestId('talk').getByText('Chạm lần nữa để phát KHẨN CẤP').waitFor();
  await page.waitForTimeout(4500);
  await page.getByTestId('talk').getByText('Chạm để bắt đầu nói').waitFor();
  assert.equal(await page.getByTestId('live-progress').count(), 0, 'nothing went on air');
  assert.deepEqual(problems, []);
  await context.close();
});
