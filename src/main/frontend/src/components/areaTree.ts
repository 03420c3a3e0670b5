import type { components } from '../api/schema';

type Area = components['schemas']['Area'];

/**
 * The one walk of the area tree (province › commune › hamlet) for every screen: up from an area to the top of
 * what the caller may see, and down in display order. A parent the caller cannot see counts as no parent.
 */
const indexes = new WeakMap<readonly Area[], Map<number, Area>>();

function indexOf(all: readonly Area[]): Map<number, Area> {
  let byId = indexes.get(all);
  if (!byId) {
    byId = new Map(all.map((a) => [a.id, a]));
    indexes.set(all, byId);
  }
  return byId;
}

/** The area and its ancestors, nearest first (empty for no or an unknown area). */
export function ancestry(all: readonly Area[], areaId: number | null | undefined): Area[] {
  const byId = indexOf(all);
  const chain: Area[] = [];
  for (let a = areaId == null ? undefined : byId.get(areaId); a && !chain.includes(a);
    a = a.parentId == null ? undefined : byId.get(a.parentId)) {
    chain.push(a);
  }
  return chain;
}

/** Whether the area lies at or below one of the roots. */
export function isWithin(all: readonly Area[], areaId: number | null | undefined, roots: Iterable<number>): boolean {
  const wanted = new Set(roots);
  return wanted.size > 0 && ancestry(all, areaId).some((a) => wanted.has(a.id));
}

/** The root and every area under it. */
export function subtree(all: readonly Area[], rootId: number): Set<number> {
  return new Set(all.filter((a) => isWithin(all, a.id, [rootId])).map((a) => a.id).concat(rootId));
}

/** Every area in display order (each parent before its children, siblings by Vietnamese name), with its depth. */
export function treeOrder(all: readonly Area[]): { area: Area; depth: number }[] {
  const byId = indexOf(all);
  const children = new Map<number | null, Area[]>();
  for (const a of all) {
    const parent = a.parentId != null && byId.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const out: { area: Area; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const a of [...(children.get(parent) ?? [])].sort((x, y) => x.name.localeCompare(y.name, 'vi'))) {
      out.push({ area: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
