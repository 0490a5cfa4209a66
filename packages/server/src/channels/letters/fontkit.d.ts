/** The one function of fontkit (pdfkit's own font engine) we call: parse a font file once. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}
