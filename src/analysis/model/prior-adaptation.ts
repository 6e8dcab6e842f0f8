/**
 * Class priors adapted to a workspace's own unlabeled messages by EM (Saerens, Latinne and
 * Decaestecker 2002, "Adjusting the outputs of a classifier to new a priori probabilities"): the
 * model's posteriors are reweighted by new/old prior ratios, the new prior is the mean reweighted
 * posterior, repeated to a fixed point. The result is a log-ratio offset per class that the
 * sentiment decision adds to the logits (sentiment-decision.ts `langOffsets` / `offsets`).
 *
 * @example
 * const { offsets, prior } = adaptPriors(probsOfWorkspaceMessages, [1 / 3, 1 / 3, 1 / 3]);
 */

export interface AdaptedPriors {
  /** Estimated class mix of the messages. */
  prior: number[];
  /** log(prior / trainPrior) per class: add to the logits. */
  offsets: number[];
  iterations: number;
}

/**
 * EM prior estimation. `probs` are the model's posteriors per message (each sums to 1) under
 * `trainPrior`; stops when no prior moves by more than `tol`, or after `maxIter` rounds.
 * `floor` keeps a class from vanishing entirely (a log offset of -infinity would silence it).
 */
export function adaptPriors(
  probs: readonly ArrayLike<number>[],
  trainPrior: readonly number[],
  opts: { maxIter?: number; tol?: number; floor?: number } = {},
): AdaptedPriors {
  const k = trainPrior.length;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-4;
  const floor = opts.floor ?? 0.01;
  let prior = [...trainPrior];
  let it = 0;
  if (probs.length === 0) return { prior, offsets: new Array<number>(k).fill(0), iterations: 0 };
  for (; it < maxIter; it++) {
    const next = new Array<number>(k).fill(0);
    for (const p of probs) {
      let sum = 0;
      const w = new Array<number>(k);
      for (let c = 0; c < k; c++) {
        w[c] = (p[c]! * prior[c]!) / trainPrior[c]!;
        sum += w[c]!;
      }
      for (let c = 0; c < k; c++) next[c]! += w[c]! / sum;
    }
    let moved = 0;
    for (let c = 0; c < k; c++) {
      next[c] = Math.max(floor, next[c]! / probs.length);
      moved = Math.max(moved, Math.abs(next[c]! - prior[c]!));
    }
    const z = next.reduce((a, b) => a + b, 0);
    prior = next.map((x) => x / z);
    if (moved < tol) {
      it++;
      break;
    }
  }
  return { prior, offsets: prior.map((p, c) => Math.log(p / trainPrior[c]!)), iterations: it };
}
