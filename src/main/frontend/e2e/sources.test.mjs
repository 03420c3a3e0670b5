import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, fitsWidth, launch, open, selectShowsChoice, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

const STATION = 'Đài Phát thanh tỉnh Quảng Ninh';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('an editor registers the provincial station, is told in words what a bad address is, and relays it 06:00–06:30 daily', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'EDITOR');
  await page.locator('#nav [data-nav="sources"]').click();
  await page.getByRole('heading', { name: 'Nguồn tiếp sóng' }).waitFor();
  await page.getByRole('button', { name: 'Thêm nguồn' }).click();
  const form = page.getByTestId('source-form');
  await form.getByLabel('Tên đài').fill(STATION);
  await form.getByLabel('Địa chỉ luồng phát').fill('http://user:secret@127.0.0.1:8000/tinh.ogg');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.getByRole('alert').waitFor();
  assert.doesNotMatch(await form.getByRole('alert').innerText(), / \/ /, 'the refusal in one language');
  await form.getByLabel('Địa chỉ luồng phát').fill('http://127.0.0.1:8000/tinh.ogg');
  await form.getByLabel('Phát thay khi mất tín hiệu').selectOption({ label: 'nhac-hieu.wav' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  const row = page.getByTestId('sources').locator(`[data-source="${STATION}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Icecast[\s\S]*http:\/\/127\.0\.0\.1:8000\/tinh\.ogg[\s\S]*Khi mất tín hiệu: phát «nhac-hieu\.wav»/);
  await shot(page, 'sources-desktop');

  await page.locator('#nav [data-nav="campaigns"]').click();
  await page.getByRole('button', { name: 'Chiến dịch mới' }).click();
  const editor = page.getByTestId('campaign-editor');
  await editor.getByLabel('Tên chiến dịch', { exact: true }).fill('Tiếp sóng Đài tỉnh buổi sáng');
  await editor.getByTestId('targets').getByLabel('Phường Hồng Gai').check();
  const slot = editor.getByTestId('slot-0');
  await slot.getByLabel('Cách phát', { exact: true }).selectOption('STREAM');
  await slot.getByLabel('Nguồn tiếp sóng', { exact: true }).selectOption({ label: STATION });
  await slot.getByLabel(/Độ dài khoảng/).fill('30');
  await slot.getByLabel('Giờ phát', { exact: true }).fill('06:00');
  assert.equal((await editor.getByTestId('cron-description-0').innerText()).trim(),
    `06:00–06:30 hằng ngày: ${STATION}`);
  await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await editor.getByText('Đã lưu').first().waitFor();
  await shot(page, 'campaign-relay-desktop', true);
  const mode = slot.getByLabel('Cách phát', { exact: true });
  assert.ok(await selectShowsChoice(mode), 'the way it plays is read in full at 1280 px');
  await page.setViewportSize(PHONE);
  assert.ok(await fitsWidth(page), 'the relay slot fits 390 px');
  assert.ok(await selectShowsChoice(mode), 'and in full at 390 px');
  assert.ok(await selectShowsChoice(slot.getByLabel('Nguồn tiếp sóng', { exact: true })), 'the station too');
  await mode.evaluate((el) => { el.closest('fieldset').scrollIntoView(); window.scrollBy(0, -70); });
  await shot(page, 'campaign-relay-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a 390 px phone the station list fits', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await signIn(page, 'EDITOR');
  await page.goto(BASE + '/sources');
  await page.getByTestId('sources').locator(`[data-source="${STATION}"]`).waitFor();
  assert.ok(await fitsWidth(page), 'sources fit 390 px');
  await shot(page, 'sources-phone');
  assert.deepEqual(problems, []);
  await context.close();
});
