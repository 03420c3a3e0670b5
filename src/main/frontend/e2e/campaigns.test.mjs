import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

const NAME = 'Bản tin Nghị quyết 57';
const STORM = 'Thông báo phòng chống bão số 3';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function navNames(page) {
  return page.locator('#nav [data-nav]').evaluateAll((links) => links.map((l) => l.dataset.nav));
}

test('an editor builds a campaign: cron in words, quiet hours refused in words, plan with the conflict explained, submitted', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'EDITOR');
  assert.deepEqual(await navNames(page), ['dashboard', 'endpoints', 'media', 'campaigns', 'sources', 'reports', 'account'], 'no approvals for an editor');
  await page.locator('#nav [data-nav="campaigns"]').click();
  await page.getByRole('button', { name: 'Chiến dịch mới' }).click();
  const editor = page.getByTestId('campaign-editor');
  await editor.getByLabel('Tên chiến dịch', { exact: true }).fill(NAME);
  await editor.getByLabel('Chủ đề (cho báo cáo)', { exact: true }).fill('Khoa học, công nghệ và chuyển đổi số');
  await editor.getByLabel('Thêm nội dung', { exact: true }).selectOption({ label: 'nhac-hieu.wav (Âm thanh · Đã duyệt)' });
  await editor.getByTestId('playlist').getByRole('button', { name: 'Thêm', exact: true }).click();
  await editor.getByTestId('playlist').getByText('nhac-hieu.wav', { exact: true }).waitFor();
  await editor.getByTestId('targets').getByLabel('Phường Hồng Gai').check();
  assert.match(await editor.getByTestId('reach').innerText(), /Đến 1 thiết bị: 1 cụm loa, 0 màn hình/, 'audio reaches loudspeakers only');

  const slot = editor.getByTestId('slot-0');
  await slot.getByLabel('Giờ phát', { exact: true }).fill('06:00, 17:00');
  await slot.getByTestId('cron-description-0').getByText('Phát lúc: 06:00 và 17:00 hằng ngày').waitFor();
  await slot.getByLabel('Ngày phát', { exact: true }).selectOption('weekdays');
  await slot.getByText('Phát lúc: 06:00 và 17:00 từ thứ Hai đến thứ Sáu').waitFor();
  await slot.getByLabel('Ngày phát', { exact: true }).selectOption('daily');
  const [y, m, d] = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10).split('-');
  await slot.getByLabel('Thêm ngày không phát', { exact: true }).fill('31/02/2026');
  await slot.getByText('Ngày giờ không đúng').waitFor();
  await slot.getByLabel('Thêm ngày không phát', { exact: true }).fill(`${d}/${m}/${y}`);
  await slot.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
  await slot.locator('.chips').getByText(`${d}/${m}/${y}`).waitFor();

  await editor.getByRole('button', { name: 'Thêm khung giờ' }).click();
  await editor.getByTestId('slot-1').getByLabel('Giờ phát', { exact: true }).fill('22:00');
  await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
  const refusal = editor.getByTestId('campaign-refusal');
  await refusal.waitFor();
  const words = await refusal.innerText();
  assert.match(words, /khung giờ 2 lúc 22:00 ngày \d{2}\/\d{2}\/\d{4} phát âm thanh trong giờ yên lặng 21:30–05:30 của «Phường Hồng Gai»/,
    'quiet hours refused in words, the slot named as the editor numbers it');
  assert.doesNotMatch(words, /quiet hours|Campaign/, 'Vietnamese only');
  await editor.getByTestId('slot-1').getByRole('button', { name: 'Xoá khung giờ này' }).click();
  await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await editor.getByRole('status').getByText(/Đã lưu/).waitFor();
  await page.waitForURL(/\?id=\d+/);

  const plan = page.getByTestId('plan');
  const conflicts = plan.getByTestId('plan-conflicts');
  await conflicts.waitFor({ timeout: 20_000 });
  const explained = await conflicts.innerText();
  assert.match(explained, new RegExp(`\\d{2}/\\d{2}/\\d{4} 06:00 · Cụm loa tổ 5 · ${NAME}`));
  assert.match(explained, new RegExp(`Phát muộn hơn[\\s\\S]*Lùi 1 phút, phát ngay sau «${STORM}»`));
  await plan.locator('.vis-item.mine').first().waitFor();
  assert.ok(await plan.locator('.vis-item.conflict').count() >= 1, 'conflicts marked on the timeline');
  assert.ok(await plan.locator('.vis-item.other').count() >= 1, 'the storm warning shown beside it');
  assert.match(await plan.innerText(), /Giờ của thiết bị \(UTC\+7\)/);
  assert.match(await plan.innerText(), /\d{2}\/\d{2}\/\d{4} 17:00 · 0:03 · Bản tin Nghị quyết 57/);
  await shot(page, 'campaign-editor-desktop', true);

  await page.setViewportSize(PHONE);
  await page.waitForTimeout(400);
  assert.ok(await fitsWidth(page), 'the campaign editor fits 390 px');
  await plan.scrollIntoViewIfNeeded();
  await shot(page, 'campaign-editor-phone');
  await page.setViewportSize({ width: 1366, height: 900 });

  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await editor.getByTestId('approval-status').first().getByText('Chờ duyệt').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the submitter may not approve their own item: the server refuses and the page says why', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.goto(BASE + '/media');
  await page.getByLabel('Nội dung cần đọc').fill('Thông báo của Ủy ban nhân dân tỉnh về lịch nghỉ Tết.');
  await page.getByLabel('Tên bản tin (không bắt buộc)').fill('Lịch nghỉ Tết');
  await page.getByRole('button', { name: 'Lưu bản tin' }).click();
  const detail = page.getByTestId('asset-detail');
  await detail.getByRole('heading', { name: 'Lịch nghỉ Tết' }).waitFor();
  await detail.getByRole('button', { name: 'Gửi duyệt' }).click();
  await detail.getByTestId('approval-status').getByText('Chờ duyệt').waitFor();

  await page.locator('#nav [data-nav="approvals"]').click();
  const item = page.locator('[data-testid="queue"] li[data-item="Lịch nghỉ Tết"]');
  await item.getByText('Bạn gửi').waitFor();
  await item.getByRole('button', { name: /Lịch nghỉ Tết/ }).click();
  await item.getByTestId('own-submission').waitFor();
  await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
  assert.equal(await item.getByTestId('refusal').innerText(), 'Người gửi duyệt không được tự duyệt');
  assert.deepEqual(problems, []);
  await context.close();
});

test('approvers see what waits, play it, see the plan it makes, approve one and reject the other with a reason', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'APPROVER');
  await page.locator('#nav [data-nav="approvals"]').click();
  const campaign = page.locator(`[data-testid="queue"] li[data-item="${NAME}"]`);
  await campaign.getByText(/gửi bởi nd-editor lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
  assert.equal(await page.locator('[data-testid="queue"] li[data-item="Lịch nghỉ Tết"]').count(), 0,
    'the province\'s own bulletin is not the commune approver\'s to see');
  await campaign.getByRole('button', { name: new RegExp(NAME) }).click();
  assert.match(await campaign.innerText(), /06:00 và 17:00 hằng ngày/);
  await campaign.getByRole('button', { name: 'Nghe thử' }).first().click();
  await campaign.getByTestId('player').waitFor();
  await campaign.getByTestId('plan-conflicts').getByText(new RegExp(`phát ngay sau «${STORM}»`)).first().waitFor();
  await shot(page, 'approvals-desktop', true);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  assert.ok(await fitsWidth(page), 'the approval queue fits 390 px');
  await shot(page, 'approvals-phone');
  await page.setViewportSize({ width: 1366, height: 900 });
  await campaign.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await page.getByTestId('queue-empty').waitFor();
  await page.locator('#nav [data-nav="campaigns"]').click();
  await page.getByTestId('campaign-list').locator('tr', { hasText: NAME }).getByText('Đã duyệt').waitFor();
  await context.close();

  const province = await open(browser);
  await signIn(province.page, 'PROVINCE_APPROVER');
  await province.page.goto(BASE + '/approvals');
  const bulletin = province.page.locator('[data-testid="queue"] li[data-item="Lịch nghỉ Tết"]');
  await bulletin.getByRole('button', { name: /Lịch nghỉ Tết/ }).click();
  await bulletin.getByRole('button', { name: 'Từ chối…' }).click();
  await bulletin.getByLabel('Lý do từ chối').fill('Thiếu ngày đi làm lại sau Tết');
  await bulletin.getByRole('button', { name: 'Từ chối với lý do này' }).click();
  await province.page.getByTestId('queue-empty').waitFor();
  await province.page.goto(BASE + '/media');
  await province.page.locator('[data-asset="Lịch nghỉ Tết"]').click();
  await province.page.getByTestId('asset-detail').getByText('Bị từ chối: Thiếu ngày đi làm lại sau Tết').waitFor();
  assert.deepEqual([...problems, ...province.problems], []);
  await province.context.close();
});

test('editing an approved campaign sends it back to draft, said before saving; archiving takes it off the air', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'EDITOR');
  await page.goto(BASE + '/campaigns');
  await page.getByTestId('campaign-list').getByRole('link', { name: NAME }).click();
  const editor = page.getByTestId('campaign-editor');
  await editor.getByTestId('approval-status').first().getByText('Đã duyệt').waitFor();
  await editor.getByLabel('Thứ tự trong mức', { exact: true }).fill('5');
  await editor.getByText(/lưu thay đổi sẽ đưa nó về bản nháp và ngừng phát/).waitFor();
  await editor.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await editor.getByTestId('approval-status').first().getByText('Bản nháp').waitFor();
  assert.match(await editor.innerText(), /Sửa sau khi duyệt, trở về bản nháp · nd-editor/);
  await editor.getByRole('button', { name: 'Lưu trữ chiến dịch' }).click();
  await editor.getByTestId('approval-status').first().getByText('Đã lưu trữ').waitFor();
  assert.equal(await editor.getByLabel('Tên chiến dịch', { exact: true }).isDisabled(), true, 'archived: read only');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a viewer sees none of these screens, and a deep link to one says so', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'VIEWER');
  assert.deepEqual(await navNames(page), ['dashboard', 'endpoints', 'reports', 'account']);
  await page.goto(BASE + '/approvals');
  await page.getByText('Trang này không dành cho vai trò của bạn.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
