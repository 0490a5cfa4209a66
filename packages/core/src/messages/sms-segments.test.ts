import { describe, expect, it } from 'vitest';
import { isGsm7, smsLength, toGsm7 } from './sms-segments.ts';

const a = (n: number) => 'a'.repeat(n);
const e = (n: number) => 'é'.repeat(n); // in the GSM basic set
const k = (n: number) => 'ж'.repeat(n); // forces UCS-2

describe('smsLength', () => {
  it.each([
    ['empty', '', 'GSM-7', 0, 1, 160, 160],
    ['one char', 'a', 'GSM-7', 1, 1, 160, 159],
    ['exactly 160', a(160), 'GSM-7', 160, 1, 160, 0],
    ['161 splits in two parts of 153', a(161), 'GSM-7', 161, 2, 153, 145],
    ['306 = two full parts', a(306), 'GSM-7', 306, 2, 153, 0],
    ['307 needs a third', a(307), 'GSM-7', 307, 3, 153, 152],
    ['é stays in GSM-7', e(160), 'GSM-7', 160, 1, 160, 0],
    ['€ costs two septets', '€', 'GSM-7', 2, 1, 160, 158],
    ['159 + € = 161 septets', `${a(159)}€`, 'GSM-7', 161, 2, 153, 145],
    ['158 + € = exactly 160', `${a(158)}€`, 'GSM-7', 160, 1, 160, 0],
    // 152 septets then €: the escape cannot be split, the € starts part two.
    ['€ at the part boundary moves whole', `${a(152)}€${a(10)}`, 'GSM-7', 164, 2, 153, 141],
    ['every extension character', '^{}\\[~]|€', 'GSM-7', 18, 1, 160, 142],
    ['exactly 70 UCS-2', k(70), 'UCS-2', 70, 1, 70, 0],
    ['71 UCS-2', k(71), 'UCS-2', 71, 2, 67, 63],
    ['ê forces UCS-2', `${a(69)}ê`, 'UCS-2', 70, 1, 70, 0],
    ['emoji counts two units', '😀', 'UCS-2', 2, 1, 70, 68],
    // 66 units then an emoji: the surrogate pair is not split, it opens part two.
    ['emoji at the part boundary moves whole', `${k(66)}😀${k(5)}`, 'UCS-2', 73, 2, 67, 60],
    ['35 emoji = 70 units, one part', '😀'.repeat(35), 'UCS-2', 70, 1, 70, 0],
    ['36 emoji = 72 units, 33 + 3 per part', '😀'.repeat(36), 'UCS-2', 72, 2, 67, 61],
  ])('%s', (_name, text, encoding, units, segments, perSegment, remaining) => {
    expect(smsLength(text)).toEqual({
      encoding,
      units,
      segments,
      perSegment,
      remainingInSegment: remaining,
    });
  });
});

describe('toGsm7', () => {
  it('keeps a French reminder in GSM-7', () => {
    const french =
      'Bonjour, votre facture n° F-12 reste impayée\u00A0: « merci de régler » l’échéance… — être à jour, cœur, façade, Île, août';
    expect(isGsm7(french)).toBe(false);
    const plain = toGsm7(french);
    expect(isGsm7(plain.replace('°', 'o'))).toBe(true);
    expect(plain).toContain("l'échéance...");
    expect(plain).toContain('"');
    expect(plain).toContain('etre à jour, coeur, facade, Ile, aout');
  });

  it('leaves what has no stand-in, so the text honestly goes in UCS-2', () => {
    expect(toGsm7('Merci 😀')).toBe('Merci 😀');
    expect(smsLength(toGsm7('Merci 😀')).encoding).toBe('UCS-2');
  });

  it('keeps the accents GSM-7 already has', () => {
    expect(toGsm7('é è à ù É ü Ç €')).toBe('é è à ù É ü Ç €');
  });
});
