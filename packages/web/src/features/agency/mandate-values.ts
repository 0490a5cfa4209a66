import type { MandateTerms } from './api.ts';

/** A mandate as the form holds it: text fields, the bands one per line ("from rate"). */
export type MandateForm = {
  readonly signedOn: string;
  readonly kind: 'flat' | 'age' | 'amount';
  readonly rate: string;
  readonly measuredAt: 'placement' | 'payment';
  /** "0 10" then "91 20": from (days, or units of the currency for amount bands) and the rate in percent. */
  readonly bands: string;
  readonly vatRate: string;
  readonly feeSettlement: 'deduct' | 'invoice';
  readonly allowedStrategies: readonly string[];
  readonly maxInstalments: string;
  readonly minInstalment: string;
  readonly frequency: 'monthly' | 'fortnightly' | 'weekly';
  readonly delayDays: string;
  readonly scope: string;
  readonly powerToReceiveFunds: boolean;
};

/** Minor units as the text a person types: 5000 → "50", 1250 → "12.50". */
export function unitsText(minor: number): string {
  const units = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  return cents === 0 ? String(units) : `${units}.${String(cents).padStart(2, '0')}`;
}

/** "50", "12,5", "12.50" → minor units, exactly (no float); null when it is no amount. */
export function minorOf(text: string): number | null {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formOf(terms: MandateTerms | null, today: string): MandateForm {
  const commission = terms?.commission ?? { kind: 'flat', rate: '15' };
  return {
    signedOn: terms?.signedOn ?? today,
    kind: commission.kind,
    rate: commission.kind === 'flat' ? commission.rate : '',
    measuredAt: commission.kind === 'age' ? commission.measuredAt : 'placement',
    bands:
      commission.kind === 'age'
        ? commission.bands.map((b) => `${b.fromDays} ${b.rate}`).join('\n')
        : commission.kind === 'amount'
          ? commission.bands.map((b) => `${unitsText(b.fromMinor)} ${b.rate}`).join('\n')
          : '',
    vatRate: terms?.vatRate ?? '20',
    feeSettlement: terms?.feeSettlement ?? 'deduct',
    allowedStrategies: terms?.allowedStrategies ?? [],
    maxInstalments: String(terms?.planLimits.maxInstalments ?? 12),
    minInstalment: unitsText(terms?.planLimits.minInstalmentMinor ?? 2000),
    frequency: terms?.remittance.frequency ?? 'monthly',
    delayDays: String(terms?.remittance.delayDays ?? 15),
    scope: terms?.scope ?? '',
    powerToReceiveFunds: terms?.powerToReceiveFunds ?? true,
  };
}

export type FormProblem = 'bands' | 'maxInstalments' | 'minInstalment' | 'delayDays';

/** The terms the API expects, or the fields the form cannot turn into them (the server checks the rest). */
export function termsOf(form: MandateForm): { terms: MandateTerms } | { problems: readonly FormProblem[] } {
  const problems: FormProblem[] = [];
  const bands = form.bands
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/[\s;:]+/));
  const badBands = form.kind !== 'flat' && (bands.length === 0 || bands.some((b) => b.length !== 2));
  if (badBands) problems.push('bands');
  const fromAmounts = bands.map((b) => minorOf(b[0] ?? ''));
  if (form.kind === 'amount' && fromAmounts.some((m) => m === null)) problems.push('bands');
  const maxInstalments = Number(form.maxInstalments);
  if (!Number.isInteger(maxInstalments) || maxInstalments < 1) problems.push('maxInstalments');
  const minInstalment = minorOf(form.minInstalment);
  if (minInstalment === null) problems.push('minInstalment');
  const delayDays = Number(form.delayDays);
  if (form.delayDays.trim() === '' || !Number.isInteger(delayDays)) problems.push('delayDays');
  if (problems.length > 0) return { problems: [...new Set(problems)] };
  const commission: MandateTerms['commission'] =
    form.kind === 'flat'
      ? { kind: 'flat', rate: form.rate.trim() }
      : form.kind === 'age'
        ? {
            kind: 'age',
            measuredAt: form.measuredAt,
            bands: bands.map(([from, rate]) => ({ fromDays: Number(from), rate: rate ?? '' })),
          }
        : {
            kind: 'amount',
            bands: bands.map(([, rate], i) => ({ fromMinor: fromAmounts[i] ?? 0, rate: rate ?? '' })),
          };
  return {
    terms: {
      signedOn: form.signedOn,
      commission,
      vatRate: form.vatRate.trim(),
      feeSettlement: form.feeSettlement,
      allowedStrategies: form.allowedStrategies,
      planLimits: { maxInstalments, minInstalmentMinor: minInstalment ?? 0 },
      remittance: { frequency: form.frequency, delayDays },
      scope: form.scope.trim(),
      powerToReceiveFunds: form.powerToReceiveFunds,
    },
  };
}
