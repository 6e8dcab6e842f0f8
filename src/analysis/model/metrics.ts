/**
 * Scores used by the eval. Single-label macro-F1 averages the per-class F1 over the classes present
 * in the gold labels (a set without neutral rows is not scored on neutral, but predicting neutral
 * there still costs recall). Multi-label macro-F1 averages per-label F1 over labels with at least
 * one gold positive.
 *
 * @example
 * macroF1(["a", "b", "a"], ["a", "a", "a"]); // (0.8 + 0) / 2 = 0.4
 */

/** F1 from counts (0 when undefined). */
export function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Macro-F1 over the gold classes. */
export function macroF1(gold: readonly string[], pred: readonly string[]): number {
  const classes = [...new Set(gold)].sort();
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    sum += f1(tp, fp, fn);
  }
  return sum / classes.length;
}

/** Accuracy. */
export function accuracy(gold: readonly string[], pred: readonly string[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return gold.length ? ok / gold.length : 0;
}

/**
 * Multi-label macro-F1: gold/pred are 1/0/-1 per label (-1: not annotated, skipped).
 * Returns the mean and the per-label F1 (NaN for labels without gold positives).
 */
export function multiLabelF1(gold: readonly Int8Array[], pred: readonly Uint8Array[], k: number): { macro: number; perLabel: number[] } {
  const perLabel: number[] = [];
  let sum = 0;
  let n = 0;
  for (let c = 0; c < k; c++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let pos = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]![c]!;
      if (g < 0) continue;
      const p = pred[i]![c]! === 1;
      if (g === 1) pos++;
      if (p && g === 1) tp++;
      else if (p) fp++;
      else if (g === 1) fn++;
    }
    if (pos === 0) {
      perLabel.push(Number.NaN);
      continue;
    }
    const v = f1(tp, fp, fn);
    perLabel.push(v);
    sum += v;
    n++;
  }
  return { macro: n ? sum / n : 0, perLabel };
}

/** Binary F1 of the positive class. */
export function binaryF1(gold: readonly boolean[], pred: readonly boolean[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
  }
  return f1(tp, fp, fn);
}
