/**
 * The known name a misspelt one most likely meant, for "did you mean …?": the same letters in
 * another case (`baseURL`), a prefix either way (`timeout` for `timeoutMs`), or a few edits
 * away (`limt`). Undefined when nothing is close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const prefix = wanted.length >= 3 && (other.startsWith(wanted) || wanted.startsWith(other));
    const distance = wanted === other ? 0 : prefix ? 1 : editDistance(wanted, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Levenshtein distance, one row at a time. Written here rather than taken from a package:
 * it is a dozen lines, used only for an error message, and core's edge bundle carries every
 * dependency it adds.
 */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
