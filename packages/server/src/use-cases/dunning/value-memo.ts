/**
 * A memo keyed by a sequence of plain values, walked one value at a time through nested maps: no key text is
 * built. The daily run looks up a few texts per case (a reason, the notes, the progress, the next step, the
 * gate's verdict and time slot) among a few thousand distinct ones; building a key string for each look-up
 * was a quarter of what its reader thread allocated (at 200,000 cases, 550 of 2,300 MB), and hashing it a
 * tenth of its time. Maps compare keys by value for strings, numbers, booleans, null and undefined, and by
 * identity for objects, so a path can only meet another path with the same values in the same places.
 * Callers give paths a fixed shape, or end each variable part with `END`.
 */
export class ValueMemo<T> {
  #root: MemoNode<T> = new MemoNode();
  #nodes = 0;
  readonly #limit: number;

  /** `limit`: nodes kept before the memo starts again (a run's distinct texts are a few thousand). */
  constructor(limit = 50_000) {
    this.#limit = limit;
  }

  /** Where every path starts. */
  start(): MemoNode<T> {
    if (this.#nodes > this.#limit) {
      this.#root = new MemoNode();
      this.#nodes = 0;
    }
    return this.#root;
  }

  /** The node after `node` for `value`, made if new. */
  at(node: MemoNode<T>, value: unknown): MemoNode<T> {
    let next = node.next?.get(value);
    if (next === undefined) {
      next = new MemoNode();
      node.next ??= new Map();
      node.next.set(value, next);
      this.#nodes += 1;
    }
    return next;
  }

  /** The value kept at `node`, made by `make` the first time. */
  value(node: MemoNode<T>, make: () => T): T {
    if (node.kept === undefined) node.kept = { value: make() };
    return node.kept.value;
  }

  /** The value kept at `node`, if any. */
  find(node: MemoNode<T>): T | undefined {
    return node.kept?.value;
  }

  /** Keeps `value` at `node`; returns it. */
  keep(node: MemoNode<T>, value: T): T {
    node.kept = { value };
    return value;
  }
}

/** A place in a `ValueMemo`'s paths. */
export class MemoNode<T> {
  next: Map<unknown, MemoNode<T>> | undefined = undefined;
  kept: { readonly value: T } | undefined = undefined;
}

/** Ends a variable part of a path: no value a caller passes is this object. */
export const END: unique symbol = Symbol('end');
