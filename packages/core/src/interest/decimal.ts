import decimalModule, { type Decimal } from 'decimal.js';

// decimal.js ships CommonJS typings beside an ES module whose default export is the class: TypeScript
// (NodeNext) reads the default import as the CommonJS namespace, Node and Vitest load the class. The cast
// reconciles the two, here only.
const DecimalClass = decimalModule as unknown as typeof Decimal;

export type ExactDecimal = Decimal;

/** Exact decimals for money and rates: 40 significant digits, rounding half-up where rounding is asked. */
export const Exact = DecimalClass.clone({ precision: 40, rounding: DecimalClass.ROUND_HALF_UP });
