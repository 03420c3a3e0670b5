// The OpenAPI document the controller serves, assembled from src/main/resources/openapi/ the way the
// controller does it (openapi.json, then every paths/*.json fragment's paths and components), for the
// generated API types. The controller itself refuses duplicates; this only merges.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const dir = '../resources/openapi';
const out = process.argv[2];
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const doc = read(`${dir}/openapi.json`);
for (const name of readdirSync(`${dir}/paths`).filter((n) => n.endsWith('.json')).sort()) {
  const fragment = read(`${dir}/paths/${name}`);
  Object.assign(doc.paths, fragment.paths ?? {});
  for (const [kind, entries] of Object.entries(fragment.components ?? {})) {
    doc.components[kind] = { ...(doc.components[kind] ?? {}), ...entries };
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(doc));
