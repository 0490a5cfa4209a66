import { DomainError, generateSiren } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { ensureCreditor } from '../imports/ensure-creditor.ts';
import { importClaims } from '../imports/import-claims.ts';
import { type DemoProfile, type DemoRow, debtorRows } from './demo/debtor-rows.ts';
import { mixSeed, mulberry32 } from './demo/prng.ts';

/** A creditor client of the demo agency, with the look of its portfolio. */
export type DemoCreditor = {
  readonly ref: string;
  readonly name: string;
  readonly siren: string | null;
  readonly profile: DemoProfile;
  /** Share of the cases that belong to this creditor. */
  readonly weight: number;
};

/** The agency's three clients: an energy supplier, a telecom operator, a building-supplies wholesaler. */
export const demoCreditors: readonly DemoCreditor[] = [
  {
    ref: 'HEXAGONE',
    name: 'Hexagone Énergie SAS',
    siren: generateSiren(41_236_507),
    weight: 0.35,
    profile: {
      businessShare: 0.25,
      business: { median: 900, sigma: 1 },
      consumer: { median: 160, sigma: 0.7 },
      recurring: true,
      prefix: 'HE',
    },
  },
  {
    ref: 'AZURTEL',
    name: 'Azur Télécom SA',
    siren: generateSiren(52_810_344),
    weight: 0.25,
    profile: {
      businessShare: 0.5,
      business: { median: 420, sigma: 1 },
      consumer: { median: 70, sigma: 0.6 },
      recurring: true,
      prefix: 'AT',
    },
  },
  {
    ref: 'BATIMAT',
    name: 'Batimat Distribution SARL',
    siren: generateSiren(38_904_112),
    weight: 0.4,
    profile: {
      businessShare: 0.95,
      business: { median: 2_500, sigma: 1.1 },
      consumer: { median: 800, sigma: 0.8 },
      recurring: false,
      prefix: 'BM',
    },
  },
];

/** The look of a portfolio seeded into a creditor named on the command line: a bit of everything. */
export function customDemoCreditor(ref: string): DemoCreditor {
  const prefix =
    ref
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 3)
      .toUpperCase() || 'DM';
  return {
    ref,
    name: ref,
    siren: null,
    weight: 1,
    profile: {
      businessShare: 0.6,
      business: { median: 1_500, sigma: 1.2 },
      consumer: { median: 180, sigma: 0.9 },
      recurring: false,
      prefix,
    },
  };
}

export type SeedDemoInput = {
  /** Number of cases (debtors) across all creditors. */
  readonly size: number;
  readonly seed: number;
  /** The day the ages of debt are counted from, 'YYYY-MM-DD'. */
  readonly today: string;
  readonly creditors?: readonly DemoCreditor[];
  /** Rows per import; a creditor with more rows gets several imports (split between debtors). */
  readonly chunkRows?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
};

export type SeedProgress = {
  readonly creditorRef: string;
  /** Rows handed to the import so far, all creditors together. */
  readonly rowsDone: number;
  /** Rows the demo will make in all (known once generated; grows while generating). */
  readonly casesDone: number;
  readonly casesTotal: number;
};

export type SeedCreditorSummary = {
  readonly ref: string;
  readonly name: string;
  readonly creditorId: string;
  readonly cases: number;
  readonly rows: number;
  readonly importIds: readonly string[];
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
};

export type SeedDemoResult = {
  readonly size: number;
  readonly seed: number;
  readonly today: string;
  readonly rows: number;
  readonly creditors: readonly SeedCreditorSummary[];
  readonly durationMs: number;
};

const defaultChunkRows = 50_000;

/**
 * Makes a realistic French portfolio and feeds it through `importClaims`, as a creditor's export
 * would be: the demo exercises the real import path (mapping, validation, warnings, upserts).
 * Deterministic: each debtor draws from its own stream, seeded by (seed, debtor number), so the same
 * seed gives the same data, and a bigger size keeps the first debtors as they were.
 */
export async function seedDemoPortfolio(
  deps: Deps,
  actor: Actor,
  input: SeedDemoInput,
): Promise<SeedDemoResult> {
  const started = performance.now();
  const creditors = input.creditors ?? demoCreditors;
  if (!Number.isInteger(input.size) || input.size < 1) {
    throw new DomainError('invalid_input', 'The demo size must be a whole number of cases, at least 1.', {
      reason: 'demo_size_invalid',
      size: input.size,
    });
  }
  if (creditors.length === 0) {
    throw new DomainError('invalid_input', 'The demo needs at least one creditor.', {
      reason: 'no_creditor',
    });
  }
  const owners = assignDebtors(input.size, input.seed, creditors);
  const progress = { rowsDone: 0, casesDone: 0 };
  const summaries: SeedCreditorSummary[] = [];
  for (const [index, creditor] of creditors.entries()) {
    summaries.push(await seedCreditor(deps, actor, input, creditor, (i) => owners[i] === index, progress));
  }
  return {
    size: input.size,
    seed: input.seed,
    today: input.today,
    rows: summaries.reduce((sum, s) => sum + s.rows, 0),
    creditors: summaries,
    durationMs: Math.round(performance.now() - started),
  };
}

/** One creditor's debtors, generated in order and imported in chunks that never split a debtor. */
async function seedCreditor(
  deps: Deps,
  actor: Actor,
  input: SeedDemoInput,
  creditor: DemoCreditor,
  owns: (globalIndex: number) => boolean,
  progress: { rowsDone: number; casesDone: number },
): Promise<SeedCreditorSummary> {
  const created = await ensureCreditor(deps, actor, {
    ref: creditor.ref,
    name: creditor.name,
    ...(creditor.siren ? { siren: creditor.siren } : {}),
    isProfessional: true,
  });
  const chunkRows = input.chunkRows ?? defaultChunkRows;
  const totals = { rows: 0, cases: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const importIds: string[] = [];
  let chunk: DemoRow[] = [];
  let chunkCases = 0;

  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const rows = chunk;
    const cases = chunkCases;
    chunk = [];
    chunkCases = 0;
    const result = await importClaims(deps, actor, {
      creditorRef: creditor.ref,
      source: {
        kind: 'rows',
        rows,
        fileName: `demo-${creditor.ref.toLowerCase()}-${importIds.length + 1}.csv`,
      },
      onProgress: ({ rowsRead }) =>
        input.onProgress?.({
          creditorRef: creditor.ref,
          rowsDone: progress.rowsDone + rowsRead,
          casesDone: progress.casesDone + Math.round((cases * rowsRead) / rows.length),
          casesTotal: input.size,
        }),
    });
    progress.rowsDone += rows.length;
    progress.casesDone += cases;
    importIds.push(result.importId);
    totals.inserted += result.inserted;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    totals.rejected += result.rejected;
  };

  for (let globalIndex = 0; globalIndex < input.size; globalIndex++) {
    if (!owns(globalIndex)) continue;
    const spec = {
      profile: creditor.profile,
      localIndex: totals.cases,
      globalIndex,
      seed: input.seed,
      today: input.today,
    };
    const rows = debtorRows(spec, mulberry32(mixSeed(input.seed, globalIndex)));
    totals.cases += 1;
    totals.rows += rows.length;
    chunkCases += 1;
    for (const row of rows) chunk.push(row);
    if (chunk.length >= chunkRows) await flush();
  }
  await flush();
  return { ref: creditor.ref, name: creditor.name, creditorId: created.id, importIds, ...totals };
}

/** Which creditor owns each debtor: a weighted draw from the debtor's own seed, independent of size. */
function assignDebtors(size: number, seed: number, creditors: readonly DemoCreditor[]): Uint8Array {
  const total = creditors.reduce((sum, c) => sum + c.weight, 0);
  const owners = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    let roll = mulberry32(mixSeed(seed, i, 0xc4ed17)).next() * total;
    let owner = creditors.length - 1;
    for (const [index, creditor] of creditors.entries()) {
      roll -= creditor.weight;
      if (roll < 0) {
        owner = index;
        break;
      }
    }
    owners[i] = owner;
  }
  return owners;
}
