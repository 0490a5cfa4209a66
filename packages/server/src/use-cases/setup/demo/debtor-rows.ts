import { generateSiren, generateSiret } from '@relance/core';
import { epochDay, isoDate } from './days.ts';
import {
  businessMailboxes,
  type City,
  cities,
  coinedPrefixes,
  coinedSuffixes,
  companyPatterns,
  consumerMailDomains,
  disputeReasons,
  englishCompanyPatterns,
  englishFirstNames,
  englishLastNames,
  firstNames,
  type LegalForm,
  lastNames,
  legalForms,
  placeNouns,
  sciNames,
  streets,
} from './french-data.ts';
import { mixSeed, mulberry32, type Random } from './prng.ts';

/** One line of the demo "export", keyed by the French column headers a creditor's ERP would write. */
export type DemoRow = Readonly<Record<string, string>>;

/** How one creditor's portfolio looks: who its customers are and what they owe. */
export type DemoProfile = {
  /** Share of business debtors (the rest are consumers). */
  readonly businessShare: number;
  /** Median invoice amount in euros and the spread (sigma of the log) for each kind of debtor. */
  readonly business: { readonly median: number; readonly sigma: number };
  readonly consumer: { readonly median: number; readonly sigma: number };
  /** Recurring bills (energy, telecoms) come monthly and look alike; supplies vary. */
  readonly recurring: boolean;
  /** First letters of the customer codes and invoice numbers, e.g. 'HE'. */
  readonly prefix: string;
};

export type DebtorSpec = {
  readonly profile: DemoProfile;
  /** The debtor's number within its creditor: makes unique customer codes and invoice numbers. */
  readonly localIndex: number;
  /** A number unique across the whole demo, for unique SIRENs. */
  readonly globalIndex: number;
  readonly seed: number;
  readonly today: string;
};

const minAmountMinor = 45_00;
const maxAmountMinor = 48_000_00;

/** All the invoice lines of one debtor (1 to 6), from the debtor's own random stream. */
export function debtorRows(spec: DebtorSpec, rng: Random): DemoRow[] {
  const { profile } = spec;
  const business = rng.chance(profile.businessShare);
  const english = rng.chance(0.04);
  const city = rng.pick(cities);
  const identity = business ? companyIdentity(spec, rng, english) : personIdentity(rng, english);
  const contact = contactColumns(rng, identity, city, business);
  const customer = {
    'Code client': `${profile.prefix}${String(spec.localIndex + 1).padStart(6, '0')}`,
    'Raison sociale': identity.name,
    'Type client': business ? 'Professionnel' : 'Particulier',
    SIREN: identity.siren,
    SIRET: identity.siret,
    Langue: english ? 'en' : 'fr',
    Étiquettes: business ? '' : consumerTags(spec),
    ...contact,
  };

  const count = invoiceCount(rng);
  const today = epochDay(spec.today);
  const latestDue = today + latestDueOffset(rng);
  const interval = profile.recurring ? 30 : rng.int(12, 75);
  const terms = business ? rng.pick([30, 30, 45, 60]) : rng.pick([14, 15, 30]);
  const kind = business ? profile.business : profile.consumer;
  const typical = logNormalMinor(rng, kind.median, kind.sigma);
  const disputedLine = rng.chance(0.05) ? rng.int(0, count - 1) : -1;

  const rows: DemoRow[] = [];
  for (let k = 0; k < count; k++) {
    const due = latestDue - k * interval;
    const issued = due - terms;
    const amount = clampAmount(
      profile.recurring
        ? Math.round(typical * (0.8 + rng.next() * 0.4))
        : logNormalMinor(rng, kind.median, kind.sigma),
    );
    const ageDays = today - due;
    const disputed = k === disputedLine;
    const left = disputed ? amount : outstanding(rng, amount, ageDays);
    const settled = left === 0 ? due + rng.int(-5, Math.max(-5, Math.min(ageDays, 60))) : null;
    rows.push({
      'N° facture': `${profile.prefix}${isoDate(issued).slice(0, 4)}-${String(spec.localIndex * 6 + k + 1).padStart(7, '0')}`,
      'Date facture': frenchDate(issued),
      "Date d'échéance": frenchDate(due),
      'Montant TTC': frenchAmount(amount),
      'Reste à payer': frenchAmount(left),
      'Date de règlement': settled !== null && settled <= today ? frenchDate(settled) : '',
      Litige: disputed ? 'Oui' : '',
      'Motif litige': disputed ? rng.pick(disputeReasons) : '',
      ...customer,
    });
  }
  return rows;
}

/** Salt of the tags' own stream (below). */
const TAGS_STREAM = 0x7a65;

/**
 * A consumer's contact profile, as a creditor's export would tag it: about a quarter 'senior', a quarter
 * 'actif', the rest none. Drawn from a stream of its own, never from the debtor's: every other value of the
 * demo (names, amounts, dates) stays what it was before the demo had tags.
 */
function consumerTags(spec: DebtorSpec): string {
  const roll = mulberry32(mixSeed(spec.seed, TAGS_STREAM, spec.globalIndex)).next();
  return roll < 0.25 ? 'senior' : roll < 0.5 ? 'actif' : '';
}

type Identity = {
  readonly name: string;
  readonly first: string;
  readonly last: string;
  readonly siren: string;
  readonly siret: string;
  readonly domain: string;
};

function companyIdentity(spec: DebtorSpec, rng: Random, english: boolean): Identity {
  const first = rng.pick(english ? englishFirstNames : firstNames);
  const last = rng.pick(english ? englishLastNames : lastNames);
  const form = weightedForm(rng);
  const base =
    form === 'SCI'
      ? rng.pick(sciNames)
      : rng
          .pick(english ? englishCompanyPatterns : companyPatterns)
          .replace('{last2}', rng.pick(lastNames))
          .replace('{last}', last)
          .replace('{coined}', `${rng.pick(coinedPrefixes)}${rng.pick(coinedSuffixes)}`)
          .replace('{noun}', rng.pick(placeNouns));
  const name = form === 'SCI' ? base : form === 'EI' ? `${first} ${last} (${base})` : `${base} ${form}`;
  const siren = generateSiren(uniqueSirenBase(spec));
  const siret = generateSiret(siren, rng.chance(0.8) ? 1 : rng.int(2, 120));
  return { name, first, last, siren, siret, domain: `${slug(base)}.fr` };
}

function personIdentity(rng: Random, english: boolean): Identity {
  const first = rng.pick(english ? englishFirstNames : firstNames);
  const last = rng.pick(english ? englishLastNames : lastNames);
  return {
    name: `${first} ${last}`,
    first,
    last,
    siren: '',
    siret: '',
    domain: rng.pick(consumerMailDomains),
  };
}

/**
 * An 8-digit base that no other debtor of the demo has: a bijection of the global index modulo
 * 99 999 999 (the multiplier is a prime that does not divide it), shifted by the seed.
 */
function uniqueSirenBase(spec: DebtorSpec): number {
  const modulus = 99_999_999;
  const shifted = ((spec.globalIndex + 1) * 15_485_863 + mixSeed(spec.seed)) % modulus;
  return shifted + 1;
}

function weightedForm(rng: Random): LegalForm {
  const total = legalForms.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [form, weight] of legalForms) {
    roll -= weight;
    if (roll < 0) return form;
  }
  return 'SAS';
}

function contactColumns(rng: Random, who: Identity, city: City, business: boolean): Record<string, string> {
  const local = business
    ? rng.chance(0.7)
      ? rng.pick(businessMailboxes)
      : `${slug(who.first)}.${slug(who.last)}`
    : `${slug(who.first)}.${slug(who.last)}${rng.chance(0.4) ? rng.int(1, 99) : ''}`;
  const goodEmail = `${local}@${who.domain}`;
  const emailRoll = rng.next();
  const email =
    emailRoll < 0.03
      ? goodEmail.replace(/\.[a-z]+$/, '')
      : emailRoll < 0.06
        ? ''
        : emailRoll < 0.07
          ? goodEmail.replace('@', ' ')
          : goodEmail;
  const phoneRoll = rng.next();
  const truncated = `0${rng.int(1, 7)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  const phone = phoneRoll < 0.05 ? '' : phoneRoll < 0.06 ? truncated : phoneNumber(rng, city, !business);
  const landline = business ? phone : rng.chance(0.2) ? phoneNumber(rng, city, false) : '';
  const mobile = business ? (rng.chance(0.3) ? phoneNumber(rng, city, true) : '') : phone;
  return {
    'E-mail': email,
    Téléphone: landline,
    Mobile: mobile,
    Adresse: `${rng.int(1, 148)}${rng.chance(0.08) ? ' bis' : ''} ${rng.pick(streets)}`,
    'Code postal': city.postalCode,
    Ville: city.name,
  };
}

/** A valid French number in one of the ways people write them. */
function phoneNumber(rng: Random, city: City, mobile: boolean): string {
  const prefix = mobile ? rng.pick(city.mobile) : city.landline;
  const mobileStart = prefix === '07' ? String(rng.int(3, 9)) : '';
  let digits = `${prefix}${mobileStart}`;
  while (digits.length < 10) digits += String(rng.int(0, 9));
  const style = rng.next();
  if (style < 0.6) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (style < 0.85 || prefix.length > 2) return digits;
  return `+33 ${digits.slice(1, 2)} ${digits.slice(2).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

function invoiceCount(rng: Random): number {
  const roll = rng.next();
  if (roll < 0.35) return 1;
  if (roll < 0.6) return 2;
  if (roll < 0.75) return 3;
  if (roll < 0.85) return 4;
  if (roll < 0.93) return 5;
  return 6;
}

/** Days from today to the latest due date: ~10 % not yet due, the rest overdue up to ~3 years. */
function latestDueOffset(rng: Random): number {
  const roll = rng.next();
  if (roll < 0.1) return rng.int(1, 45);
  if (roll < 0.4) return -rng.int(1, 30);
  if (roll < 0.6) return -rng.int(31, 90);
  if (roll < 0.8) return -rng.int(91, 365);
  if (roll < 0.92) return -rng.int(366, 730);
  return -rng.int(731, 1200);
}

function logNormalMinor(rng: Random, medianEuros: number, sigma: number): number {
  return clampAmount(Math.round(medianEuros * 100 * Math.exp(sigma * rng.normal())));
}

function clampAmount(minor: number): number {
  return Math.min(maxAmountMinor, Math.max(minAmountMinor, minor));
}

/** ~8 % paid, ~10 % partly paid; old claims were never touched (so they can be time-barred). */
function outstanding(rng: Random, amount: number, ageDays: number): number {
  const roll = rng.next();
  if (roll < 0.08) return 0;
  if (roll < 0.18 && ageDays < 600) return Math.round(amount * (0.2 + rng.next() * 0.6));
  return amount;
}

function frenchDate(day: number): string {
  const iso = isoDate(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function frenchAmount(minor: number): string {
  return `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'et')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
