import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { generateSiren } from '@relance/core';

export const BENCH_HEADER =
  "N° facture;Date facture;Date d'échéance;Montant TTC;Reste à payer;Raison sociale;SIREN;Code client;E-mail;Téléphone;Code postal;Ville";

const NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
];
const FIRST = ['Jean', 'Marie', 'Pierre', 'Sophie', 'Luc', 'Camille', 'Hélène', 'François', 'Chloé', 'Noël'];
const FORMS = ['SAS', 'SARL', 'SA', 'EURL', 'SASU'];
const CITIES: readonly (readonly [string, string])[] = [
  ['75002', 'Paris'],
  ['69003', 'Lyon'],
  ['13001', 'Marseille'],
  ['31000', 'Toulouse'],
  ['59000', 'Lille'],
  ['44000', 'Nantes'],
  ['97110', 'Pointe-à-Pitre'],
  ['67000', 'Strasbourg'],
];

/** A small deterministic generator: the same seed gives the same file. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Debtor = { readonly columns: string };

function makeDebtors(count: number, rand: () => number): Debtor[] {
  const debtors: Debtor[] = [];
  for (let i = 0; i < count; i++) {
    const [postal, city] = CITIES[i % CITIES.length]!;
    const last = NAMES[Math.floor(rand() * NAMES.length)]!;
    const first = FIRST[Math.floor(rand() * FIRST.length)]!;
    const code = `C${String(i + 1).padStart(6, '0')}`;
    const phone = `0${6 + (i % 2)} ${two(rand())} ${two(rand())} ${two(rand())} ${two(rand())}`;
    if (i % 3 !== 0) {
      const name = `${last} ${i % 7 === 0 ? 'et Fils' : 'Industries'} ${FORMS[i % FORMS.length]}`;
      const siren = generateSiren(10_000_000 + i);
      const email = `compta@${last.toLowerCase()}-${i}.fr`;
      debtors.push({ columns: `${name};${siren};${code};${email};${phone};${postal};${city}` });
    } else {
      const email = `${asciiSlug(first)}.${last.toLowerCase()}${i}@exemple.fr`;
      debtors.push({ columns: `${first} ${last};;${code};${email};${phone};${postal};${city}` });
    }
  }
  return debtors;
}

function two(r: number): string {
  return String(Math.floor(r * 100)).padStart(2, '0');
}

function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

function frenchDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** '1 234,56' from cents, the way French Excel shows an amount. */
function frenchAmount(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${grouped},${rest}`;
}

/**
 * Writes a French receivables export: `rows` invoices over `rows / 10` debtors (two thirds businesses
 * with valid SIRENs), semicolons, decimal commas, dd/mm/yyyy dates, UTF-8 with BOM, CRLF.
 */
export async function generateBenchCsv(path: string, rows: number, seed = 42): Promise<void> {
  const rand = mulberry32(seed);
  const debtors = makeDebtors(Math.max(1, Math.round(rows / 10)), rand);
  // 1,030 distinct days: formatted once.
  const days = Array.from({ length: 1030 }, (_, d) => frenchDate(START + d * DAY));
  const years = Array.from({ length: 1030 }, (_, d) => new Date(START + d * DAY).getUTCFullYear());
  const out = createWriteStream(path);
  out.write(`\uFEFF${BENCH_HEADER}\r\n`);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const debtor = debtors[Math.floor(rand() * debtors.length)]!;
    const day = Math.floor(rand() * 1000);
    const amount = 1000 + Math.floor(rand() * 2_000_000);
    const roll = rand();
    const outstanding = roll < 0.7 ? amount : roll < 0.9 ? Math.floor(amount / 2) : 0;
    const invoice = `F${years[day]}-${String(i + 1).padStart(7, '0')}`;
    buffer += `${invoice};${days[day]};${days[day + 30]};${frenchAmount(amount)};${frenchAmount(outstanding)};${debtor.columns}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
