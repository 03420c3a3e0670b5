import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, DESKTOP, PHONE, fitsWidth, launch, open, shot } from './lib/browser.mjs';
import { signIn } from './lib/people.mjs';

// The Java side (ReportsBrowserTest) made a province of two communes whose bulletins were due just before:
// played in full in Phường Hồng Gai, missed in Xã Quảng La. It opens what we download here afterwards.
const DOWNLOADS = process.env.DOWNLOAD_DIR;

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** Today's date (yyyy-MM-dd) in Vietnam, where the reports' periods are counted. */
function vietnamToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** How many pixels of a canvas are painted. */
async function painted(canvas) {
  return canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

async function openReports(page) {
  await page.locator('#nav').getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.getByRole('heading', { name: 'Báo cáo phát sóng' }).waitFor();
  await page.getByTestId('report').waitFor();
}

test('a viewer sees reports, and neither the users nor the audit screens', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'VIEWER');
  const nav = page.locator('#nav');
  await nav.getByRole('link', { name: 'Báo cáo' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Người dùng' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Nhật ký hệ thống' }).count(), 0);
  for (const path of ['/users', '/audit']) {
    await page.goto(BASE + path);
    await page.getByText('Trang này không dành cho vai trò của bạn.').waitFor();
    assert.notEqual(new URL(page.url()).pathname, path);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('this month\'s report: figures, charts drawn by a lazily loaded library, exceptions and evidence in plain words', async () => {
  const { page, problems, context } = await open(browser);
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await signIn(page, 'VIEWER');
  await page.getByTestId('dashboard-ready').waitFor();
  assert.ok(!scripts.some((s) => s.includes('/charts-')), `no chart code before reports: ${scripts}`);
  await openReports(page);

  assert.match(await page.getByTestId('report-period').innerText(), /^Tháng \d{1,2}\/\d{4}: từ 01\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}$/);
  assert.match(await page.getByTestId('report-scope').innerText(), /Tỉnh Quảng Ninh/);
  assert.equal(await page.getByTestId('fig-expected').innerText(), '2');
  assert.equal(await page.getByTestId('fig-played').innerText(), '1');
  assert.equal(await page.getByTestId('fig-completion').innerText(), '50%');
  assert.equal(await page.getByTestId('fig-exceptions').innerText(), '1');
  assert.equal(await page.getByTestId('fig-airtime').innerText(), '1 giây');
  assert.match(await page.getByTestId('report-summary').innerText(), /Dân số được phủ sóng: 20\.000 \/ [\d.]+ người/);

  await page.locator('[data-testid=report-charts][data-drawn=true]').waitFor();
  assert.ok(scripts.some((s) => s.includes('/charts-')), 'the chart library came in its own chunk');
  await page.getByText('Tỷ lệ hoàn thành theo xã/phường').waitFor();
  assert.ok(await painted(page.getByTestId('chart-completion')) > 500, 'the completion chart is drawn');
  assert.ok(await painted(page.getByTestId('chart-airtime')) > 500, 'the airtime chart is drawn');
  await page.getByText('Xem số liệu của biểu đồ dạng bảng').first().click();
  const chartTable = await page.getByTestId('report-charts').locator('table').first().innerText();
  assert.match(chartTable, /Phường Hồng Gai\s+100%/);
  assert.match(chartTable, /Xã Quảng La\s+0%/);

  const exceptions = page.getByTestId('report-exceptions');
  assert.match(await exceptions.locator('[data-reason=missed]').innerText(), /Bỏ lỡ[\s\S]*khoảng trễ cho phép[\s\S]*1/);
  assert.match(await page.getByTestId('endpoint-exceptions').innerText(), /Cụm loa thôn Khe Cát[\s\S]*Xã Quảng La[\s\S]*Bỏ lỡ: 1/);
  const evidence = page.getByTestId('report-evidence');
  assert.match(await evidence.locator('[data-endpoint="Cụm loa tổ 5 Hồng Gai"]').innerText(), /Đã xác minh chữ ký, đủ bản ghi/);
  assert.match(await evidence.locator('[data-endpoint="Cụm loa thôn Khe Cát"]').innerText(), /Đã xác minh chữ ký, đủ bản ghi/);

  const table = page.getByTestId('report-table');
  assert.match(await table.innerText(), /Tuyên truyền Nghị quyết 57\s+Chuyển đổi số\s+1\s+1\s+100%/);
  await page.getByRole('tab', { name: 'Theo chủ đề' }).click();
  assert.match(await table.innerText(), /Phòng cháy chữa cháy\s+1\s+0\s+0%/);
  await page.getByRole('tab', { name: 'Theo chủ đề' }).press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Theo loại nội dung' }).getAttribute('aria-selected'), 'true');
  assert.match(await table.innerText(), /Âm thanh/);
  await page.getByRole('tab', { name: 'Theo chiến dịch' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'reports-desktop', true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('presets and the scope pickers ask for the right report', async () => {
  const { page, problems, context } = await open(browser);
  await signIn(page, 'VIEWER');
  await openReports(page);
  const [y, m] = vietnamToday().split('-').map(Number);
  const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng trước' });
  await page.getByTestId('report-period').getByText(`Tháng ${lm}/${ly}: từ 01/${String(lm).padStart(2, '0')}/${ly}`).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-expected]')?.textContent === '0');

  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Quý trước' });
  const lastQuarter = Math.floor((m - 1) / 3) === 0 ? `Quý 4 năm ${y - 1}` : `Quý ${Math.floor((m - 1) / 3)} năm ${y}`;
  await page.getByTestId('report-period').getByText(lastQuarter).waitFor();
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: '6 tháng này' });
  await page.getByTestId('report-period').getByText(`6 tháng ${m <= 6 ? 'đầu' : 'cuối'} năm ${y}`).waitFor();
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Năm nay' });
  await page.getByTestId('report-period').getByText(`Năm ${y}: từ 01/01/${y} đến 31/12/${y}`).waitFor();
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tùy chọn khoảng ngày' });
  await page.getByText('Chọn đủ ngày bắt đầu và ngày kết thúc').waitFor();
  const today = vietnamToday();
  await page.getByLabel('Từ ngày', { exact: true }).fill(today.split('-').reverse().join('/'));
  await page.getByLabel('Đến ngày', { exact: true }).fill(today.split('-').reverse().join('/'));
  const [, , d] = today.split('-');
  const mm = String(m).padStart(2, '0');
  await page.getByTestId('report-period').getByText(`từ ${d}/${mm}/${y} đến ${d}/${mm}/${y}`).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-expected]')?.textContent === '2');

  await page.getByLabel('Địa bàn', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0└ Phường Hồng Gai' });
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-expected]')?.textContent === '1');
  assert.match(await page.getByTestId('report-scope').innerText(), /Phường Hồng Gai/);
  assert.deepEqual(await page.getByLabel('Điểm phát', { exact: true }).locator('option').allInnerTexts(), ['Tất cả', 'Cụm loa tổ 5 Hồng Gai']);
  await page.getByLabel('Địa bàn', { exact: true }).selectOption({ label: 'Toàn bộ khu vực của tôi' });
  await page.getByLabel('Chủ đề', { exact: true }).selectOption('Phòng cháy chữa cháy');
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-played]')?.textContent === '0');
  assert.equal(await page.getByTestId('fig-expected').innerText(), '1');
  await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: 'Tất cả' });
  await page.getByLabel('Loại nội dung', { exact: true }).selectOption({ label: 'Video' });
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-expected]')?.textContent === '0');
  await page.getByLabel('Loại nội dung', { exact: true }).selectOption({ label: 'Tất cả' });
  await page.getByLabel('Điểm phát', { exact: true }).selectOption({ label: 'Cụm loa thôn Khe Cát' });
  await page.waitForFunction(() => document.querySelector('[data-testid=fig-expected]')?.textContent === '1');
  assert.match(await page.getByTestId('report-scope').innerText(), /Cụm loa thôn Khe Cát/);

  await page.reload();
  await page.getByTestId('report').waitFor();
  assert.equal(await page.getByLabel('Điểm phát', { exact: true }).inputValue() !== '', true, 'the address keeps the choice');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the export buttons download a real CSV, XLSX and PDF of the report on screen', async () => {
  assert.ok(DOWNLOADS, 'DOWNLOAD_DIR is set by the Java side');
  const { page, problems, context } = await open(browser);
  await signIn(page, 'VIEWER');
  await openReports(page);
  await page.getByLabel('Đơn vị lập báo cáo (in trên tệp XLSX, PDF)').fill('Trung tâm Văn hóa tỉnh Quảng Ninh');
  const saved = {};
  for (const format of ['csv', 'xlsx', 'pdf']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
    const name = download.suggestedFilename();
    assert.match(name, new RegExp(`^bantin-bao-cao-\\d{4}-\\d{2}-01_\\d{4}-\\d{2}-\\d{2}.*\\.${format}$`));
    await download.saveAs(join(DOWNLOADS, name));
    saved[format] = readFileSync(join(DOWNLOADS, name));
  }
  const csv = saved.csv.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).map((l) => l.split(','));
  assert.equal(csv[0][0], 'Chiến dịch');
  assert.ok(csv.some((row) => row[0] === 'Tuyên truyền Nghị quyết 57'), 'the CSV has the campaign row');
  assert.equal(saved.xlsx.subarray(0, 2).toString('latin1'), 'PK', 'XLSX is a zip package');
  assert.equal(saved.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(saved.pdf.toString('latin1'), /\/Type\s*\/Page\b/, 'the PDF has a page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a 390 px phone the report fits, the keyboard reaches the pickers, and English is a switch away', async () => {
  const { page, problems, context } = await open(browser, PHONE);
  await signIn(page, 'VIEWER');
  await page.goto(BASE + '/reports');
  await page.locator('[data-testid=report-charts][data-drawn=true]').waitFor();
  assert.ok(await fitsWidth(page), 'reports fit 390 px');
  await page.getByLabel('Kỳ báo cáo', { exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'r-area');
  await shot(page, 'reports-phone');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'reports-phone-full', true);

  await page.setViewportSize(DESKTOP);
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.getByRole('heading', { name: 'Broadcast reports' }).waitFor();
  await page.getByText('Completion by commune').waitFor();
  assert.match(await page.getByTestId('report-evidence').innerText(), /Signatures verified, no record missing/);
  assert.match(await page.getByTestId('report-exceptions').innerText(), /Missed/);
  await page.getByRole('button', { name: 'Tiếng Việt' }).first().click();
  assert.deepEqual(problems, []);
  await context.close();
});
