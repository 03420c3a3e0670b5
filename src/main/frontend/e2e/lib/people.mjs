// Signing in through the real form, as a person does.
import { BASE } from './browser.mjs';

export const PEOPLE = JSON.parse(process.env.BANTIN_PEOPLE ?? '{}');

export async function signIn(page, role, password = PEOPLE[role].password) {
  await page.goto(BASE + '/signin');
  await page.getByLabel('Tên đăng nhập').fill(PEOPLE[role].username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}
