import { describe, expect, it } from 'vitest';
import { END, type MemoNode, ValueMemo } from './value-memo.ts';

/** The node of `values` in `memo`, from its start. */
function path<T>(memo: ValueMemo<T>, values: readonly unknown[]): MemoNode<T> {
  let at = memo.start();
  for (const v of values) at = memo.at(at, v);
  return at;
}

describe('ValueMemo', () => {
  it('makes a value once per path and keeps it', () => {
    const memo = new ValueMemo<string>();
    let made = 0;
    const make = (text: string) => () => {
      made += 1;
      return text;
    };
    expect(memo.value(path(memo, ['a', 1, null]), make('first'))).toBe('first');
    expect(memo.value(path(memo, ['a', 1, null]), make('again'))).toBe('first');
    expect(made).toBe(1);
    const other = path(memo, ['a', 2]);
    expect(memo.find(other)).toBeUndefined();
    expect(memo.keep(other, 'kept')).toBe('kept');
    expect(memo.find(path(memo, ['a', 2]))).toBe('kept');
  });

  it('tells apart values that read the same as text: a number from its digits, null from undefined and "null"', () => {
    const memo = new ValueMemo<string>();
    const paths: unknown[][] = [
      [1],
      ['1'],
      [null],
      [undefined],
      ['null'],
      [true],
      ['true'],
      [0],
      [false],
      [''],
    ];
    paths.forEach((p, i) => {
      memo.value(path(memo, p), () => String(i));
    });
    paths.forEach((p, i) => {
      expect(
        memo.value(path(memo, p), () => 'new'),
        JSON.stringify(p),
      ).toBe(String(i));
    });
  });

  it('keeps a path apart from its own beginning, and parts ended by END apart from one longer part', () => {
    const memo = new ValueMemo<string>();
    memo.value(path(memo, ['x', 'p', 'v']), () => 'short');
    expect(memo.value(path(memo, ['x', 'p', 'v', 'y', 'z']), () => 'long')).toBe('long');
    // Three notes [x p=v] [y] [z] against one note [x p=v y=z]: the same values, told apart by END.
    const three = memo.value(path(memo, ['x', 'p', 'v', END, 'y', END, 'z', END]), () => 'three');
    const one = memo.value(path(memo, ['x', 'p', 'v', 'y', 'z', END]), () => 'one');
    expect([three, one]).toEqual(['three', 'one']);
  });

  it('starts again past its limit, still answering each path with what it makes', () => {
    const memo = new ValueMemo<number>(10);
    for (let i = 0; i < 100; i++) expect(memo.value(path(memo, ['k', i]), () => i * 2)).toBe(i * 2);
    let made = 0;
    memo.value(path(memo, ['k', 0]), () => {
      made += 1;
      return 0;
    });
    expect(made).toBe(1);
  });
});
