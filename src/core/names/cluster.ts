/**
 * Complete-linkage clustering: two groups merge only when every member of one matches every
 * member of the other. Name equivalence is not transitive ("Su" may be 수 or 서; "Soo" is only 수,
 * "Seo" only 서), so merging on a single link would chain two people into one.
 */

/**
 * Returns the items grouped: groups in order of their first item, items in input order. `isSame`
 * must be symmetric. Quadratic in the number of items, which are an article's distinct spellings.
 */
export function clusterCompletely<T>(items: readonly T[], isSame: (a: T, b: T) => boolean): T[][] {
  const n = items.length;
  const same: boolean[][] = items.map((a, i) => items.map((b, j) => i === j || isSame(a, b)));
  // group[i]: the label of item i's group; members: label -> item indices. Merging keeps the lower label.
  const group = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  let hasMerged = true;
  while (hasMerged) {
    hasMerged = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const gi = group[i] as number;
        const gj = group[j] as number;
        if (gi === gj || same[i]?.[j] !== true) continue;
        const membersI = members.get(gi) ?? [];
        const membersJ = members.get(gj) ?? [];
        if (!membersI.every((a) => membersJ.every((b) => same[a]?.[b] === true))) continue;
        const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
        const merged = [...(members.get(keep) ?? []), ...(members.get(drop) ?? [])].sort((a, b) => a - b);
        for (const m of merged) group[m] = keep;
        members.set(keep, merged);
        members.delete(drop);
        hasMerged = true;
      }
    }
  }
  return [...members.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.map((i) => items[i] as T));
}
