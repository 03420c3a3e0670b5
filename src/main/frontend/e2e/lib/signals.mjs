// The journeys and the Java test that drives the devices meet through files in SIGNAL_DIR: the journey says
// when it is ready (`ready <name>`), the Java side does what a device would and answers (`done <name>`).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const DIR = process.env.SIGNAL_DIR;

export async function handOver(name, timeoutMs = 30_000) {
  if (!DIR) throw new Error('SIGNAL_DIR is not set: this journey needs the Java side to drive the devices');
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.ready`), '');
  const done = join(DIR, `${name}.done`);
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
    if (existsSync(done)) return;
  }
  throw new Error(`the devices did not do "${name}" within ${timeoutMs} ms`);
}
