/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function distance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The closest candidate within a distance that grows with the word, or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const max = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestScore = max + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl === lower ? 0 : distance(lower, cl, max);
    const score = d === 0 && c !== word ? 0.5 : d;
    if (score < bestScore || (score === bestScore && best !== undefined && c.length < best.length)) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= max ? best : undefined;
}
