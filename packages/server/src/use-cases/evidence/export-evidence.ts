import { minorToDecimalString } from '@relance/core';
import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import type { Db, Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { caseTimeline, findVisibleCase, type TimelineEntry } from './case-evidence.ts';
import { instant, renderEvidenceSummary } from './evidence-summary-pdf.ts';
import { describeTenantReport } from './evidence-words.ts';
import { exportWords, readmeText } from './export-words.ts';
import { entryHash, GENESIS_HASH, readDocument, sha256Hex } from './journal.ts';
import { sealIfQueued } from './journal-queue.ts';
import { loadCaseFile } from './load-case-file.ts';
import { verifyTenant } from './verify-evidence.ts';

export type ExportedEvidence = {
  readonly zip: Uint8Array;
  readonly fileName: string;
  /** The case's journal entries in the file. */
  readonly entries: number;
  readonly files: readonly { readonly name: string; readonly sha256: string }[];
  readonly chainOk: boolean;
};

const text = (s: string) => new TextEncoder().encode(s);

/** The evidence file of a case, as zip bytes (fflate): see `exportCaseEvidence`. */
export async function exportEvidence(
  db: Db,
  tenantId: string,
  caseId: string,
  options: { readonly language: Locale; readonly now?: string },
): Promise<Uint8Array> {
  const exported = await exportCaseEvidence(db, tenantId, caseId, {
    language: options.language,
    now: options.now ?? new Date().toISOString(),
  });
  return exported.zip;
}

/** The web's and API's export: the case must be visible to the actor. */
export async function exportEvidenceFor(
  deps: Deps,
  actor: Actor,
  caseId: string,
  language: Locale,
): Promise<ExportedEvidence> {
  const found = await findVisibleCase(deps.database.db, actor, caseId);
  return exportCaseEvidence(deps.database.db, found.tenantId, caseId, { language, now: deps.clock.now() });
}

/**
 * The evidence file for a lawyer or a court: a chronological PDF summary, every document as kept
 * (numbered in chronological order), the claims as CSV, the case's journal entries with their hashes and
 * how to recompute them, and the chain verification with the sha256 of every file.
 */
export async function exportCaseEvidence(
  db: Db,
  tenantId: string,
  caseId: string,
  options: { readonly language: Locale; readonly now: string },
): Promise<ExportedEvidence> {
  const language = options.language;
  const w = exportWords[language];
  const file = await loadCaseFile(db, tenantId, caseId);
  const timeline = [...(await caseTimeline(db, tenantId, caseId, language))].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq,
  );
  const chain = await verifyTenant(db, tenantId);
  const head = chain.head ?? { seq: 0, hash: GENESIS_HASH };
  const journal = await journalEntries(db, tenantId, caseId);
  const caseEntriesOk = journal.filter((e) => e.hash === e.recomputed).length;

  const files: Record<string, Uint8Array> = {};
  let n = 0;
  const zipNames = new Map<number, string>();
  for (const entry of timeline) {
    if (!entry.document) continue;
    const stored = await readDocument(db, tenantId, entry.document.documentId);
    if (!stored) continue;
    n += 1;
    const name = documentName(n, entry.at, entry.kind, referenceOf(entry), stored.fileName, stored.mediaType);
    files[name] = new Uint8Array(stored.content);
    zipNames.set(entry.seq, name);
  }
  const looseNames = new Map<string, string>();
  for (const loose of file.looseDocuments) {
    const stored = await readDocument(db, tenantId, loose.documentId);
    if (!stored) continue;
    n += 1;
    const base = stored.fileName.replace(/\.[^.]*$/, '');
    const name = documentName(n, loose.createdAt, loose.kind, base, stored.fileName, stored.mediaType);
    files[name] = new Uint8Array(stored.content);
    looseNames.set(loose.documentId, name);
  }

  const chainLines = describeTenantReport(chain, language);
  files['00-summary.pdf'] = await renderEvidenceSummary({
    file,
    entries: timeline.map((e) => ({ ...e, zipName: zipNames.get(e.seq) ?? null })),
    chainOk: chain.ok,
    chainLines,
    caseEntriesOk,
    head,
    exportedAt: options.now,
    language,
  });
  files['claims.csv'] = text(claimsCsv(file, looseNames, w.csvHeaders));
  files['journal.json'] = text(
    `${JSON.stringify(
      {
        tenantId,
        caseId,
        exportedAt: options.now,
        genesisHash: GENESIS_HASH,
        head,
        hashRule:
          'sha256_hex(JSON.stringify([prevHash, tenantId, seq, entryId, caseId, actionId, at, kind, actor, payload, documentSha256]))',
        entries: journal.map(({ recomputed: _, ...e }) => ({ ...e, file: zipNames.get(e.seq) ?? null })),
      },
      null,
      2,
    )}\n`,
  );
  files['README.txt'] = text(readmeText);
  const listed = Object.entries(files)
    .map(([name, content]) => ({ name, sha256: sha256Hex(content) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  files['verification.txt'] = text(
    verificationText(language, chainLines, journal.length, caseEntriesOk, head, options.now, listed),
  );
  const all = [...listed, { name: 'verification.txt', sha256: sha256Hex(files['verification.txt']) }];
  const mtime = new Date(options.now);
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, content]) => [name, [content, { mtime }]])),
    { level: 6 },
  );
  const day = options.now.slice(0, 10);
  return {
    zip,
    fileName: `evidence-${safe(file.debtor.ref || file.debtor.name)}-${day}.zip`,
    entries: journal.length,
    files: all,
    chainOk: chain.ok,
  };
}

type JournalEntry = {
  readonly seq: number;
  readonly entryId: string;
  readonly tenantId: string;
  readonly caseId: string | null;
  readonly actionId: string | null;
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  readonly payload: string;
  readonly documentSha256: string | null;
  readonly prevHash: string;
  readonly hash: string;
  readonly recomputed: string;
};

async function journalEntries(db: Db, tenantId: string, caseId: string): Promise<JournalEntry[]> {
  await sealIfQueued(db, tenantId);
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const entry = {
      seq: Number(r.seq),
      entryId: r.entry_id,
      tenantId: r.tenant_id,
      caseId: r.case_id,
      actionId: r.action_id,
      at: r.at,
      kind: r.kind,
      actor: r.actor,
      payload: r.payload,
      documentSha256: r.document_sha256,
      prevHash: r.prev_hash,
    };
    return { ...entry, hash: r.hash, recomputed: entryHash(entry) };
  });
}

function referenceOf(entry: TimelineEntry): string {
  const p = entry.payload as Record<string, unknown>;
  for (const key of ['reference', 'trackingNumber', 'providerMessageId', 'messageId']) {
    const value = p[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return entry.document?.fileName.replace(/\.[^.]*$/, '') || String(entry.seq);
}

const extensions: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'message/rfc822': 'eml',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** `NN-<date>-<kind>-<ref>.<ext>`, safe on every file system. */
function documentName(
  n: number,
  at: string,
  kind: string,
  reference: string,
  fileName: string,
  mediaType: string,
): string {
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  const ext = fromName ?? extensions[mediaType.split(';')[0]?.trim() ?? ''] ?? 'bin';
  return `${String(n).padStart(2, '0')}-${at.slice(0, 10)}-${safe(kind)}-${safe(reference)}.${ext}`;
}

function safe(value: string): string {
  return (
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'x'
  );
}

function claimsCsv(
  file: Awaited<ReturnType<typeof loadCaseFile>>,
  looseNames: ReadonlyMap<string, string>,
  headers: readonly string[],
): string {
  const rows: string[][] = file.claims.map((c) => [
    'claim',
    c.invoiceNumber,
    c.issueDate ?? '',
    c.dueDate,
    minorToDecimalString(c.amountMinor, c.currency),
    minorToDecimalString(c.outstandingMinor, c.currency),
    c.currency,
    c.status,
    '',
    '',
  ]);
  for (const d of file.looseDocuments) {
    rows.push([
      d.kind,
      '',
      d.createdAt.slice(0, 10),
      '',
      '',
      '',
      '',
      '',
      looseNames.get(d.documentId) ?? d.fileName,
      d.sha256,
    ]);
  }
  return stringify(rows, { header: true, columns: [...headers], delimiter: ';', bom: true });
}

function verificationText(
  language: Locale,
  chainLines: readonly string[],
  entries: number,
  entriesOk: number,
  head: { readonly seq: number; readonly hash: string },
  now: string,
  listed: readonly { readonly name: string; readonly sha256: string }[],
): string {
  const w = exportWords[language];
  return [
    `${w.verification} — ${instant(now)}`,
    '',
    ...chainLines,
    w.caseEntries(entries, entriesOk),
    '',
    `${w.head}${w.sep}seq ${head.seq}`,
    `sha256 ${head.hash}`,
    w.headAnchor,
    '',
    'SHA-256',
    ...listed.map((f) => `${f.sha256}  ${f.name}`),
    '',
  ].join('\n');
}
