import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, shot } from './lib/browser.mjs';
import { WORLD, openSignedIn, sharedBrowser } from './agent-journey.mjs';

// A real enrolled agent process with real mpv answers here (vn.bantin.ui.EndpointsBrowserTest#remoteControl starts it).
const ANSWER_WAIT = 30_000;

const browser = sharedBrowser();

test('an operator sets a real loudspeaker\'s volume from its page, sees the agent carry it out, and reads its connections', async () => {
  const { page, problems, context } = await openSignedIn(browser, 'OPERATOR', DESKTOP);
  await page.goto(BASE + `/endpoints/${WORLD.endpointId}`);
  const remote = page.getByTestId('remote-control');
  await remote.waitFor();
  await remote.getByText('Chưa gửi lệnh nào.').waitFor();
  assert.equal(await remote.getByRole('button', { name: 'Chụp màn hình' }).count(), 0, 'a loudspeaker has no screen');
  await remote.getByLabel(/Âm lượng chung/).fill('40');
  await remote.getByText('Âm lượng chung: 40%').waitFor();
  await remote.getByRole('button', { name: 'Đặt âm lượng' }).click();
  const sent = remote.getByTestId('commands').locator('li').first();
  await sent.getByText('Đặt âm lượng 40%').waitFor();
  assert.match(await sent.innerText(), /ui-operator gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await sent.getByText('Thiết bị đã thực hiện').waitFor({ timeout: ANSWER_WAIT });
  assert.match(await sent.innerText(), /trả lời lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  await remote.getByRole('button', { name: 'Khởi động lại trình phát' }).click();
  await remote.getByTestId('confirm-restart').getByText(/sẽ ngắt nội dung đang phát/).waitFor();
  await remote.getByRole('button', { name: 'Huỷ' }).click();
  assert.equal(await remote.getByTestId('confirm-restart').count(), 0, 'cancelled: nothing sent');
  assert.equal(await remote.getByTestId('commands').locator('li').count(), 1);

  const history = page.getByTestId('connection-history');
  const row = history.getByTestId('connection').first();
  await row.getByText('Kết nối', { exact: true }).waitFor();
  assert.match(await row.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\s+– đến nay/, 'connected now, in the area\'s time');
  await shot(page, 'endpoint-remote-desktop', true);

  await page.setViewportSize(PHONE);
  await remote.scrollIntoViewIfNeeded();
  assert.ok(await fitsWidth(page), 'the endpoint page fits 390 px');
  await shot(page, 'endpoint-remote-phone', true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an operator presses a real screen\'s screenshot button and sees the picture its mpv took', async () => {
  const { page, problems, context } = await openSignedIn(browser, 'OPERATOR', DESKTOP);
  await page.goto(BASE + `/endpoints/${WORLD.screenId}`);
  const remote = page.getByTestId('remote-control');
  await remote.getByText('Chưa gửi lệnh nào.').waitFor();
  await remote.getByRole('button', { name: 'Chụp màn hình' }).click();
  const sent = remote.getByTestId('commands').locator('li').first();
  await sent.getByText('Chụp màn hình', { exact: true }).waitFor();
  await sent.getByText('Thiết bị đã thực hiện').waitFor({ timeout: ANSWER_WAIT });
  const picture = sent.getByRole('img', { name: /^Ảnh chụp màn hình lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/ });
  await picture.waitFor();
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
  const shown = await picture.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  assert.deepEqual(shown, { width: WORLD.videoWidth, height: WORLD.videoHeight }, 'the picture is the video\'s frame');

  const answer = await context.request.get(new URL(await picture.getAttribute('src'), BASE).href);
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()['content-type'], 'image/png');
  const png = await answer.body();
  assert.ok(png.length > 1000, `a real picture, not ${png.length} bytes`);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, shown, 'the file is the picture shown');
  await sent.scrollIntoViewIfNeeded();
  await shot(page, 'endpoint-screenshot-desktop');

  await page.setViewportSize(PHONE);
  await sent.scrollIntoViewIfNeeded();
  assert.ok(await fitsWidth(page), 'the screenshot fits 390 px');
  const box = await picture.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the picture stays on the phone screen: ${JSON.stringify(box)}`);
  await shot(page, 'endpoint-screenshot-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a viewer sees the sent commands and the connections but no controls', async () => {
  const { page, problems, context } = await openSignedIn(browser, 'VIEWER', PHONE);
  await page.goto(BASE + `/endpoints/${WORLD.endpointId}`);
  const remote = page.getByTestId('remote-control');
  await remote.getByTestId('view-only').getByText('Chỉ quản trị viên và đài truyền thanh cơ sở được điều khiển thiết bị.').waitFor();
  await remote.getByText('Thiết bị đã thực hiện').waitFor();
  for (const name of ['Đặt âm lượng', 'Đồng bộ ngay', 'Khởi động lại trình phát', 'Chụp màn hình']) {
    assert.equal(await remote.getByRole('button', { name }).count(), 0, `no ${name} for a viewer`);
  }
  assert.equal(await remote.locator('input').count(), 0, 'no volume input for a viewer');
  await page.getByTestId('connection-history').getByTestId('connection').first().waitFor();
  assert.ok(await fitsWidth(page), 'fits 390 px');
  assert.deepEqual(problems, []);
  await context.close();
});
