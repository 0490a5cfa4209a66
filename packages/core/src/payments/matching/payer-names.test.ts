import { describe, expect, it } from 'vitest';
import { nameSimilarity, nameTokens } from './payer-names.ts';

describe('nameTokens', () => {
  it.each([
    ['Boulangerie Dupont SARL', ['boulangerie', 'dupont']],
    ['BOULANGERIE DUPONT', ['boulangerie', 'dupont']],
    ['Café de la Gare', ['cafe', 'gare']],
    ['M. MARTIN JEAN', ['martin', 'jean']],
    ['Mme Zoé Lefèvre-Dubois', ['zoe', 'lefevre', 'dubois']],
    ['ACME & Fils S.A.S.', ['acme', 'fils']],
    ['Econymo Software SARL', ['econymo', 'software']],
    ['UAB "TESTAVIMAS"', ['testavimas']],
    [null, []],
  ] as const)('%s → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });
});

describe('nameSimilarity', () => {
  const sim = (a: string, b: string) => nameSimilarity(nameTokens(a), nameTokens(b));
  it.each([
    ['BOULANGERIE DUPONT SARL', 'Boulangerie Dupont', 100],
    ['M. MARTIN JEAN', 'Jean Martin', 100],
    ['MARTIN J', 'Jean Martin', 75],
    ['DUPOND BOULANGERIE', 'Boulangerie Dupont', 95],
    ['Dupont', 'Boulangerie Dupont', 67],
    ['Durand', 'Boulangerie Dupont', 0],
    ['', 'Boulangerie Dupont', 0],
  ] as const)('%s / %s → %i', (a, b, expected) => {
    expect(sim(a, b)).toBe(expected);
  });
});
