import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';
import { dropFile, network, played } from './lib/files.mjs';

const VIDEO = 'phong-chong-bao.mp4';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('a video dropped on a patchy link: upload bar, a dropped connection resumed, processing bar, then playable', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'EDITOR');
  await page.locator('#nav [data-nav="media"]').click();
  await page.getByRole('heading', { name: 'Thư viện nội dung' }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await network(cdp, { uploadKBps: 400 });

  await dropFile(page, '[data-testid="drop-zone"]', VIDEO, 'video/mp4');
  const task = page.locator(`[data-testid="uploads"] li[data-name="${VIDEO}"]`);
  const bytes = task.getByTestId('upload-bar');
  await page.waitForFunction((el) => el.value >= 25, await bytes.elementHandle(), { timeout: 20_000 });
  const before = await bytes.evaluate((el) => el.value);
  assert.ok(before < 100, `the upload bar moves (at ${before}%)`);
  await network(cdp, { offline: true });
  await task.and(page.locator('[data-phase="reconnecting"]')).waitFor({ timeout: 15_000 });
  await task.getByText('Mất kết nối, đang nối lại…').waitFor();
  await page.waitForTimeout(1500);
  await network(cdp, { uploadKBps: 1000 });

  await task.and(page.locator('[data-phase="processing"], [data-phase="done"]')).waitFor({ timeout: 30_000 });
  assert.equal(await bytes.evaluate((el) => el.value), 100, 'the upload bar is full');
  assert.match(await task.innerText(), /đã nối lại 1 lần sau khi mất kết nối/);
  await task.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 90_000 });
  assert.equal(await task.getByTestId('processing-bar').evaluate((el) => el.value), 100, 'the processing bar is full');
  assert.match(await task.innerText(), /Xử lý trên máy chủ: 100%[\s\S]*Xong: sẵn sàng để gửi duyệt/);
  await network(cdp);

  await task.getByRole('button', { name: 'Xem nội dung' }).click();
  const detail = page.getByTestId('asset-detail');
  await detail.getByRole('heading', { name: VIDEO }).waitFor();
  assert.equal(await detail.getByTestId('fact-duration').innerText(), '0:05');
  const renditions = await detail.getByTestId('renditions').innerText();
  assert.match(renditions, /Màn hình 1280×720/);
  assert.match(renditions, /Bảng LED 768×384/);
  await detail.getByRole('button', { name: 'Xem thử' }).click();
  const duration = await played(detail.getByTestId('player'));
  assert.ok(Math.abs(duration - 5) < 0.5, `the video plays in the page (${duration} s)`);
  await detail.getByRole('button', { name: 'Gửi duyệt' }).click();
  await detail.getByTestId('approval-status').getByText('Chờ duyệt').waitFor();
  assert.match(await detail.innerText(), /Gửi duyệt · nd-editor · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await shot(page, 'media-desktop', true);

  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  assert.ok(await fitsWidth(page), 'the media library fits 390 px');
  await shot(page, 'media-phone');
  await page.setViewportSize(DESKTOP);

  // the lifecycle: what a campaign uses is only archived; what nothing uses is deleted
  await page.locator('[data-asset="nhac-hieu.wav"]').click();
  await detail.getByRole('heading', { name: 'nhac-hieu.wav' }).waitFor();
  await detail.getByRole('button', { name: 'Xoá…' }).click();
  await detail.getByRole('button', { name: 'Xoá hẳn' }).click();
  assert.match(await detail.getByRole('alert').innerText(), /đang được dùng bởi «Thông báo phòng chống bão số 3»/);
  await page.locator(`[data-asset="${VIDEO}"]`).click();
  await detail.getByRole('heading', { name: VIDEO }).waitFor();
  await detail.getByRole('button', { name: 'Xoá…' }).click();
  await detail.getByRole('button', { name: 'Xoá hẳn' }).click();
  await detail.waitFor({ state: 'detached' });
  assert.equal(await page.locator(`[data-asset="${VIDEO}"]`).count(), 0, 'deleted from the library');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a text-to-speech bulletin: heard before saving, saved, normalised, played from the library', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'OPERATOR');
  await page.goto(BASE + '/media');
  await page.getByLabel('Nội dung cần đọc').fill('Thông báo: sáng mai từ bảy giờ, phường Hồng Gai tổ chức tiêm chủng'
    + ' tại nhà văn hoá tổ năm. Đề nghị bà con đưa trẻ đến đúng giờ.');
  await page.getByRole('radio', { name: 'Miền Nam' }).check();
  await page.getByLabel('Tên bản tin (không bắt buộc)').fill('Thông báo tiêm chủng tổ 5');
  await page.getByRole('button', { name: 'Nghe thử' }).first().click();
  const heard = await played(page.getByTestId('tts-player'), 0.5);
  assert.ok(heard > 3, `the voice reads the whole text (${heard} s)`);
  assert.equal(await page.getByTestId('tts-player').evaluate((el) => el.src.startsWith('blob:')), true,
    'heard from the answer, nothing stored yet');
  assert.equal(await page.getByTestId('asset-list').getByText('Thông báo tiêm chủng tổ 5').count(), 0);

  await page.getByRole('button', { name: 'Lưu bản tin' }).click();
  await page.getByRole('status').getByText(/Đã lưu «Thông báo tiêm chủng tổ 5»/).waitFor();
  const task = page.locator('[data-testid="uploads"] li[data-name="Thông báo tiêm chủng tổ 5"]');
  await task.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 60_000 });
  const detail = page.getByTestId('asset-detail');
  await detail.getByRole('heading', { name: 'Thông báo tiêm chủng tổ 5' }).waitFor();
  await page.waitForFunction(() => /Sẵn sàng/.test(document.querySelector('[data-testid="asset-detail"]')?.textContent ?? ''),
    null, { timeout: 15_000 }); // fetched again once its processing ended: READY is committed before that news
  assert.match(await detail.getByTestId('renditions').innerText(), /Cụm loa[\s\S]*-1[56](,\d)? LUFS/);
  await detail.getByRole('button', { name: 'Nghe thử' }).click();
  const length = await played(detail.getByTestId('player'), 0.5);
  assert.ok(Math.abs(length - heard) < 1.5, `the saved bulletin is what was heard (${length} s vs ${heard} s)`);
  await shot(page, 'media-tts-desktop', true);
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.getByRole('heading', { name: 'Media library' }).waitFor();
  await page.getByTestId('asset-detail').getByText('Loudspeakers (speech, loudness-normalised)').waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).first().click();
  assert.deepEqual(problems, []);
  await context.close();
});
