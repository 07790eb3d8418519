/**
 * Names in `known` that look like a mistyped `name`: a small edit distance,
 * or one containing the other. Case and separators are ignored.
 */
export function closeNames(name: string, known: readonly string[], limit = 3): string[] {
  const wanted = simplify(name);
  const scored = known
    .map((candidate) => ({ candidate, distance: editDistance(wanted, simplify(candidate)) }))
    .filter(({ candidate, distance }) => {
      const other = simplify(candidate);
      const contains = wanted.length >= 4 && (other.includes(wanted) || wanted.includes(other));
      return contains || distance <= Math.max(2, Math.floor(other.length / 4));
    })
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map(({ candidate }) => candidate);
}

function simplify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
