// Files a person drops onto the page: read here, handed to the page as a real DataTransfer, dropped as a person would.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const MEDIA = process.env.MEDIA_DIR ?? 'target/media';

export async function dropFile(page, selector, name, type) {
  const b64 = readFileSync(join(MEDIA, name)).toString('base64');
  const transfer = await page.evaluateHandle(([data, fileName, fileType]) => {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], fileName, { type: fileType }));
    return dt;
  }, [b64, basename(name), type]);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

/** Chrome's network emulation (DevTools protocol): throttle the uplink, or cut the connection. */
export async function network(cdp, { offline = false, uploadKBps = -1 } = {}) {
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: offline ? 0 : 20, downloadThroughput: -1,
    uploadThroughput: uploadKBps < 0 ? -1 : uploadKBps * 1024 });
}

/** Waits until a media element has played at least `seconds` of its content. */
export async function played(locator, seconds = 0.3, timeout = 15_000) {
  await locator.evaluate((el, [s, limit]) => new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (el.error) return reject(new Error(`media error ${el.error.code}: ${el.error.message}`));
      if (el.currentTime >= s) return resolve();
      if (Date.now() - started > limit) return reject(new Error(`played only ${el.currentTime} s (paused=${el.paused})`));
      if (el.paused && el.readyState >= 2) el.play().catch(() => undefined);
      setTimeout(check, 100);
    };
    check();
  }), [seconds, timeout]);
  return locator.evaluate((el) => el.duration);
}
