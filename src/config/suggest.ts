// "Did you mean …?" for near misses among known names.

/** Levenshtein distance with adjacent transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s.]/g, '');
}

/**
 * The candidate a mistyped name most likely meant, or undefined when none is close. Case, hyphens and underscores are
 * ignored first (`max_runtime`, `maxRuntime` → `max-runtime`), then up to about one edit in three characters is allowed.
 */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(name);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.max(wanted.length, 3) / 3)));
  return best.distance <= allowed ? best.candidate : undefined;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const match = suggest(name, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
