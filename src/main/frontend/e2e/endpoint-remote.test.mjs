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
