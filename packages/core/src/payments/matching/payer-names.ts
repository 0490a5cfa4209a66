/**
 * Payer names against debtor names. A bank writes 'BOULANGERIE DUPONT SARL' or 'M. MARTIN JEAN' where the
 * creditor's file says 'Boulangerie Dupont' or 'Jean Martin': names are reduced to sets of words without
 * accents, case, punctuation, legal forms, civilities and small words before they are compared.
 */

/** Legal forms (French, then others met on European statements) and civilities: they say nothing of who pays. */
const NOISE = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scs',
  'sca',
  'scp',
  'scop',
  'selarl',
  'selas',
  'sel',
  'gie',
  'ei',
  'eirl',
  'micro',
  'ste',
  'societe',
  'ets',
  'etablissements',
  'cie',
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'bv',
  'nv',
  'ltd',
  'limited',
  'llc',
  'llp',
  'inc',
  'corp',
  'plc',
  'srl',
  'spa',
  'sprl',
  'sl',
  'ab',
  'oy',
  'as',
  'uab',
  'm',
  'mme',
  'mlle',
  'mr',
  'mrs',
  'ms',
  'monsieur',
  'madame',
  'mademoiselle',
  'dr',
  'me',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'the',
  'and',
  'of',
  'und',
]);

/** 'Café de la Gare SARL' → ['cafe', 'gare']: lower-case words without accents, legal forms or small words. */
export function nameTokens(name: string | null): readonly string[] {
  if (name === null) return [];
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    // 'S.A.S.' is 'sas': initials joined before the words are cut
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !NOISE.has(w));
  return [...new Set(words)];
}

/**
 * How alike two reduced names are, 0 to 100: twice the words in common over the words of both (Dice), a
 * word counting as common when equal, or when one is the other's initial ('j' / 'jean', half a word), or
 * when long words differ by one letter (a typo: 'dupond' / 'dupont').
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = [...b];
  let common = 0;
  for (const word of a) {
    const exact = left.indexOf(word);
    if (exact >= 0) {
      left.splice(exact, 1);
      common += 1;
      continue;
    }
    const near = left.findIndex((other) => oneEditApart(word, other));
    if (near >= 0) {
      left.splice(near, 1);
      common += 0.9;
      continue;
    }
    const initial = left.findIndex((other) => isInitialOf(word, other) || isInitialOf(other, word));
    if (initial >= 0) {
      left.splice(initial, 1);
      common += 0.5;
    }
  }
  return Math.round((200 * common) / (a.length + b.length));
}

function isInitialOf(initial: string, word: string): boolean {
  return initial.length === 1 && word.length > 1 && word.startsWith(initial);
}

/** One letter changed, added or removed, between words of 5 letters or more. */
function oneEditApart(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
