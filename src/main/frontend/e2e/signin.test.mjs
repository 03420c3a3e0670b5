import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('sign-in speaks Vietnamese by default, switches to English and remembers it', async () => {
  const { page, problems, context } = await open(browser);
  await page.goto(BASE + '/');
  await page.waitForURL(/\/signin/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.getByLabel('Mật khẩu').waitFor();
  assert.ok(await page.getByLabel('Tên đăng nhập').evaluate((el) => el === document.activeElement),
    'the username field has the focus');
  await shot(page, 'signin-desktop');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('wrong credentials are refused with a plain message and the password is cleared', async () => {
  const { page, problems, context } = await open(browser);
  await page.goto(BASE + '/signin');
  await page.getByLabel('Tên đăng nhập').fill('khong-co-ai');
  await page.getByLabel('Mật khẩu').fill('sai mật khẩu rồi');
  await page.getByLabel('Mật khẩu').press('Enter');
  const error = page.getByRole('alert');
  await error.waitFor();
  assert.match(await error.innerText(), /Sai tên đăng nhập hoặc mật khẩu/);
  assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link to a screen asks to sign in first and remembers where to go', async () => {
  const { page, context } = await open(browser);
  await page.goto(BASE + '/account');
  await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === '/account');
  await context.close();
});

test('on a 390 px phone the form fits, nothing scrolls sideways, and the keyboard reaches everything', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await page.goto(BASE + '/signin');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  assert.ok(await fitsWidth(page), 'no horizontal scroll at 390 px');
  await page.keyboard.press('Shift+Tab');
  const order = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim()));
  }
  assert.ok(order.includes('username') && order.includes('password'), `focus order: ${order}`);
  await shot(page, 'signin-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page loads no inline script and nothing from outside the controller', async () => {
  const response = await fetch(BASE + '/');
  const html = await response.text();
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is a file');
  assert.doesNotMatch(html, /https?:\/\//, 'no external address in the page');
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)[1];
  const js = await fetch(BASE + asset, { headers: { 'Accept-Encoding': 'gzip' } });
  await js.arrayBuffer();
  assert.equal(js.headers.get('content-encoding'), 'gzip');
  assert.match(js.headers.get('cache-control') ?? '', /max-age=31536000/);
});
