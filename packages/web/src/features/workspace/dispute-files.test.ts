import { describe, expect, it } from 'vitest';
import { fileProblems, fileSize, MAX_DISPUTE_DOCUMENT_BYTES } from './dispute-files.ts';

describe('fileProblems', () => {
  it('names the empty and the too large files, as the server would refuse them', () => {
    expect(
      fileProblems([
        { name: 'lettre.pdf', size: 1200 },
        { name: 'vide.txt', size: 0 },
        { name: 'scan.tiff', size: MAX_DISPUTE_DOCUMENT_BYTES + 1 },
        { name: 'limite.pdf', size: MAX_DISPUTE_DOCUMENT_BYTES },
      ]),
    ).toEqual([
      { name: 'vide.txt', problem: 'empty' },
      { name: 'scan.tiff', problem: 'tooLarge' },
    ]);
  });
});

describe('fileSize', () => {
  it('says a size as a person reads it', () => {
    expect(fileSize(900, 'fr')).toBe('900 o');
    expect(fileSize(1536, 'fr')).toBe('1,5\u00a0Ko');
    expect(fileSize(3 * 1024 * 1024, 'en')).toBe('3\u00a0MB');
  });
});
