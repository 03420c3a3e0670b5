import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

// The Java side (PeopleBrowserTest) made a province, a commune, a hamlet whose name carries a script tag, an
// operator whose display name carries an image tag with an onerror handler, and an admin over the province.
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function signOut(page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await page.waitForURL(/\/signin/);
}

async function signInAs(page, username, password) {
  await page.goto(BASE + '/signin');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function noScriptRan(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
}

let lanPassword;

test('an admin sees the people of the area, names with markup as plain text', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.locator('#nav').getByRole('link', { name: 'Người dùng' }).click();
  await page.getByRole('heading', { name: 'Người dùng và quyền' }).waitFor();
  const hung = page.getByTestId('user-list').locator('[data-username="hung.vanhanh"]');
  assert.match(await hung.innerText(), /<img src=x onerror="window.__xss=1">Trần Văn Hùng/);
  assert.match(await hung.innerText(), /Đài truyền thanh cơ sở\s+Phường Hồng Gai\s+Đang dùng/);
  assert.equal(await page.getByTestId('user-list').locator('img').count(), 0, 'the markup stayed text');
  await noScriptRan(page);
  await page.getByLabel('Vai trò').selectOption({ label: 'Quản trị hệ thống' });
  await page.getByTestId('user-list').locator('[data-username="tinh.quantri"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=user-list] tbody tr').length === 1);
  await page.getByLabel('Vai trò').selectOption({ label: 'Tất cả' });
  await page.getByLabel('Tìm theo tên').fill('hùng');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=user-list] tbody tr').length === 1);
  await page.getByLabel('Tìm theo tên').fill('');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an admin makes a person with a generated password, who then signs in', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.goto(BASE + '/users');
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const form = page.getByRole('form', { name: 'Thêm người dùng mới' });
  await form.getByLabel('Tên đăng nhập').fill('lan.bientap');
  await form.getByLabel('Họ tên').fill('Nguyễn Thị Lan');
  await form.getByLabel('Vai trò').selectOption({ label: 'Biên tập viên' });
  await form.getByLabel('Khu vực phụ trách').selectOption({ label: '\u00a0\u00a0\u00a0└ Phường Hồng Gai' });
  await form.getByRole('button', { name: 'Thêm người dùng' }).click();
  await page.getByText('Đã tạo tài khoản lan.bientap.').waitFor();
  const secret = page.getByTestId('secret-once');
  assert.match(await secret.innerText(), /Chỉ hiện một lần/);
  lanPassword = await secret.getByTestId('secret').innerText();
  assert.ok(lanPassword.length >= 10, 'a real password');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'users-desktop', true);
  await secret.getByRole('button', { name: 'Đã chép xong, ẩn đi' }).click();
  assert.equal(await page.getByTestId('secret-once').count(), 0);
  assert.match(await page.locator('[data-username="lan.bientap"]').innerText(), /Nguyễn Thị Lan[\s\S]*Biên tập viên\s+Phường Hồng Gai/);

  await signOut(page);
  await signInAs(page, 'lan.bientap', lanPassword);
  await page.getByTestId('whoami').waitFor();
  assert.match(await page.getByTestId('whoami').innerText(), /Nguyễn Thị Lan[\s\S]*Biên tập viên · Phường Hồng Gai/);
  assert.equal(await page.locator('#nav').getByRole('link', { name: 'Người dùng' }).count(), 0, 'an editor manages nobody');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an admin changes the role, resets the password and disables the account, with a question first', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.goto(BASE + '/users');
  const row = page.locator('[data-username="lan.bientap"]');
  await row.getByRole('button', { name: 'Sửa' }).click();
  const form = page.getByRole('form', { name: 'Sửa: Nguyễn Thị Lan' });
  await form.getByLabel('Vai trò').selectOption({ label: 'Người duyệt' });
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.getByText('Đã lưu thay đổi của Nguyễn Thị Lan.').waitFor();
  await row.getByText('Người duyệt').waitFor();

  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  assert.match(await row.getByRole('alertdialog').innerText(), /Mật khẩu cũ hết hiệu lực/);
  await row.getByRole('button', { name: 'Đồng ý' }).click();
  const fresh = await page.getByTestId('secret').innerText();
  assert.notEqual(fresh, lanPassword);

  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await row.getByRole('button', { name: 'Huỷ' }).click();
  assert.match(await row.innerText(), /Đang dùng/);
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await row.getByRole('button', { name: 'Đồng ý' }).click();
  await row.getByText('Đã khóa').waitFor();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã khóa' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=user-list] tbody tr').length === 1);
  await page.getByLabel('Trạng thái').selectOption({ label: 'Tất cả' });

  const other = await browser.newContext({ locale: 'vi-VN' });
  const otherPage = await other.newPage();
  await signInAs(otherPage, 'lan.bientap', fresh);
  await otherPage.getByRole('alert').waitFor();
  assert.equal(new URL(otherPage.url()).pathname, '/signin', 'a disabled account cannot sign in');
  await other.close();

  await page.locator('[data-username="lan.bientap"]').getByRole('button', { name: 'Mở khóa' }).click();
  await page.locator('[data-username="lan.bientap"]').getByText('Đang dùng').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('an admin makes a named API token, sees its secret once, and revokes it', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.goto(BASE + '/users');
  await page.getByRole('tab', { name: 'Mã truy cập API' }).click();
  await page.getByLabel('Tên mã').fill('Cổng thông tin tỉnh');
  await page.getByLabel('Vai trò').selectOption({ label: 'Người xem báo cáo' });
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  const token = await page.getByTestId('secret').innerText();
  assert.match(token, /^bt_/);
  const asToken = () => fetch(BASE + '/api/v1/reports?period=month', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal((await asToken()).status, 200, 'the token works');
  await page.reload();
  await page.getByRole('tab', { name: 'Mã truy cập API' }).click();
  const row = page.locator('[data-token="Cổng thông tin tỉnh"]');
  assert.match(await row.innerText(), /Người xem báo cáo\s+Tỉnh Quảng Ninh\s+tinh\.quantri[\s\S]*Còn hiệu lực/);
  assert.equal(await page.getByTestId('secret-once').count(), 0, 'the secret is not shown again');
  await row.getByRole('button', { name: 'Thu hồi' }).click();
  await row.getByRole('button', { name: 'Đồng ý' }).click();
  await row.getByText(/Đã thu hồi \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
  assert.equal((await asToken()).status, 401, 'a revoked token is refused');
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  assert.ok(await fitsWidth(page), 'tokens fit 390 px');
  await page.getByRole('tab', { name: 'Người dùng' }).click();
  await page.getByTestId('user-list').waitFor();
  assert.ok(await fitsWidth(page), 'users fit 390 px');
  await shot(page, 'users-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the audit trail: who did what in words, before and after, chain intact, filters, export, markup as text', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'ADMIN');
  await page.locator('#nav').getByRole('link', { name: 'Nhật ký hệ thống' }).click();
  await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
  const chain = page.locator('[data-testid=audit-chain][data-status=INTACT]');
  await chain.waitFor();
  assert.match(await chain.innerText(), /Đã kiểm tra [\d.]+ bản ghi: chuỗi nguyên vẹn/);

  const list = page.getByTestId('audit-list');
  await list.locator('li').first().waitFor();
  const first = await list.locator('li').first().innerText();
  assert.match(first, /\d{2}\/\d{2}\/\d{4}\s+\d{2}:\d{2}:\d{2}/);
  const made = list.locator('li', { hasText: 'Tạo người dùng: Người dùng «Nguyễn Thị Lan»' });
  await made.getByText('Quản trị hệ thống · Tỉnh Quảng Ninh').waitFor(); // area names arrive after the records
  assert.match(await made.innerText(), /tinh\.quantri\s+Quản trị hệ thống · Tỉnh Quảng Ninh[\s\S]*Thành công/);
  const changed = list.locator('li', { hasText: 'Sửa người dùng: Người dùng «Nguyễn Thị Lan»' }).last();
  await changed.getByRole('button', { name: 'Xem thay đổi' }).click();
  assert.match(await changed.locator('[data-field=role]').innerText(), /Vai trò\s+Biên tập viên\s+Người duyệt/);
  assert.match(await list.innerText(), /Thu hồi mã truy cập API: Mã truy cập API «Cổng thông tin tỉnh»/);
  assert.match(await list.innerText(), /Đặt lại mật khẩu người dùng: Người dùng «Nguyễn Thị Lan»/);
  assert.match(await list.innerText(), /Mã truy cập «Cổng thông tin tỉnh»\s+Người xem báo cáo · Tỉnh Quảng Ninh\s+Xem hoặc xuất báo cáo\n/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'audit-desktop', true);

  await page.getByLabel('Loại đối tượng').selectOption({ label: 'khu vực' });
  const area = list.locator('li', { hasText: 'Khe Cát' });
  await area.waitFor();
  assert.match(await area.innerText(), /Tạo khu vực: Khu vực «Thôn <script>window.__xss=2<\/script>Khe Cát»/);
  await area.getByRole('button', { name: 'Xem thay đổi' }).click();
  assert.match(await area.locator('[data-field=name]').innerText(), /<script>/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=audit-list] li')]
    .every((li) => /khu vực/.test(li.textContent)));
  await noScriptRan(page);

  await page.getByLabel('Loại đối tượng').selectOption({ label: 'Mọi loại' });
  await page.getByLabel('Người thực hiện').selectOption({ label: 'Mã truy cập «Cổng thông tin tỉnh»' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=audit-list] li')]
    .every((li) => li.textContent.includes('Mã truy cập «Cổng thông tin tỉnh»')));
  assert.match(await list.innerText(), /Xem hoặc xuất báo cáo/);
  const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
  const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Từ ngày').fill(tomorrow.split('-').reverse().join('/'));
  await page.getByText('Không có bản ghi nào khớp bộ lọc.').waitFor();
  await page.getByLabel('Từ ngày').fill(today.split('-').reverse().join('/'));
  await list.locator('li').first().waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines[0], 'seq,at,actor,role,areaId,address,action,object,outcome,before,after,hash');
  assert.ok(lines.length > 1 && lines.slice(1).every((l) => l.includes('"token:Cổng thông tin tỉnh"')), 'the export follows the filters');

  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  assert.ok(await fitsWidth(page), 'the audit trail fits 390 px');
  await shot(page, 'audit-phone');
  assert.deepEqual(problems, []);
  await context.close();
});
