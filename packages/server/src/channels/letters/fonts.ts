import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, embedded in every letter: it covers French typography (« », œ, €, the no-break space) and
 * the scissors of the payment slip. Resolved through the package, never by a hard-coded path.
 */
export const letterFonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;

/** The narrow no-break space (U+202F) becomes a plain no-break space: letters never print U+202F. */
export function printable(text: string): string {
  return text.replaceAll('\u202f', '\u00a0');
}
