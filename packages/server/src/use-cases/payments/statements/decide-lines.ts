import { type LineReason, lineKeys, type MatchCandidate, type MatchDecision, matchLine } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StatementMatchStatus } from '../../../db/schema-payments.ts';
import { chunks, type LineToMatch, loadAmountIndex, loadMatchLookup } from './match-lookup.ts';
import type { LineDraft } from './statement-drafts.ts';

type Trx = Transaction<Database>;

/** Where a new line starts: its status, its case and confidence, why, and the candidates a person sees. */
export type LineDecision = {
  readonly status: StatementMatchStatus;
  readonly caseId: string | null;
  readonly confidence: number | null;
  readonly reason: LineReason;
  readonly candidates: readonly MatchCandidate[];
};

/** A line already stored for the same booking (see `bookingRef`). */
type KnownBooking = {
  readonly lineId: string;
  readonly matchStatus: StatementMatchStatus;
  readonly paymentId: string | null;
};

export type Decided = {
  readonly decisions: ReadonlyMap<string, LineDecision>;
  /** Lines of an earlier record of a booking now detailed by a new one: set aside (see `detailed_elsewhere`). */
  readonly superseded: readonly string[];
};

/**
 * Decides every new line of a file: debits, bookings not made and batch transactions without an amount
 * are kept aside with the reason; returns and reversals wait for the booking step to find their payment;
 * credits go through the matching rules, looked up for the whole batch at once. A booking already known
 * from the other kind of message (a CAMT.054 notice and its CAMT.053 entry) is counted once.
 */
export async function decideLines(
  trx: Trx,
  tenantId: string,
  drafts: readonly LineDraft[],
): Promise<Decided> {
  const decisions = new Map<string, LineDecision>();
  const aside = (d: LineDraft, status: StatementMatchStatus, reason: LineReason) =>
    decisions.set(d.fingerprint, { status, caseId: null, confidence: null, reason, candidates: [] });
  const { sameBooking, superseded } = await linkBookings(trx, tenantId, drafts);
  const toMatch: LineDraft[] = [];
  for (const d of drafts) {
    const known = sameBooking.get(d.entryFingerprint);
    if (known !== undefined) aside(d, 'ignored', { code: 'same_booking', lineId: known });
    else if (d.kind === 'debit') aside(d, 'ignored', { code: 'debit' });
    else if (d.kind === 'not_booked') aside(d, 'ignored', { code: 'not_booked', bankStatus: d.bankStatus });
    else if (d.kind === 'zero_amount') aside(d, 'ignored', { code: 'zero_amount' });
    else if (d.kind === 'amount_unknown') aside(d, 'review', { code: 'amount_unknown' });
    // Found and reversed by the booking step, once the credits of the same file are booked.
    else if (d.kind === 'reversal')
      aside(d, 'reversal', { code: 'reversal_unmatched', returnReason: d.returnReason });
    else toMatch.push(d);
  }
  for (const [d, decision] of await matchAll(trx, tenantId, toMatch)) {
    decisions.set(d.fingerprint, {
      status: decision.status,
      caseId: decision.caseId,
      confidence: decision.confidence,
      reason: decision.verdict,
      candidates: decision.candidates,
    });
  }
  return { decisions, superseded };
}

async function matchAll(
  trx: Trx,
  tenantId: string,
  drafts: readonly LineDraft[],
): Promise<readonly (readonly [LineDraft, MatchDecision])[]> {
  const lines = drafts.map((d): LineToMatch & { draft: LineDraft } => ({
    draft: d,
    facts: d.facts,
    keys: lineKeys(d.facts),
  }));
  const lookup = await loadMatchLookup(trx, tenantId, lines);
  const first = lines.map((l) => [l, matchLine(l.facts, l.keys, lookup)] as const);
  // Amount and name only for what nothing else matched: most lines never ask for it.
  const rest = first.filter(([, decision]) => decision.status === 'unmatched').map(([l]) => l);
  const amounts = rest.length > 0 ? await loadAmountIndex(trx, tenantId, rest) : null;
  return first.map(([l, decision]) => [
    l.draft,
    amounts && decision.status === 'unmatched'
      ? matchLine(l.facts, l.keys, { ...lookup, amounts })
      : decision,
  ]);
}

/**
 * New entries whose booking is already stored by another record. An entry that details a booking no line
 * of which is settled yet (more lines than the known record) takes its place — the known lines still open
 * are set aside; otherwise the new entry is the copy, and is set aside.
 */
async function linkBookings(
  trx: Trx,
  tenantId: string,
  drafts: readonly LineDraft[],
): Promise<{ sameBooking: ReadonlyMap<string, string>; superseded: readonly string[] }> {
  const entries = new Map<string, { ref: string; count: number }>();
  for (const d of drafts) {
    if (
      d.bookingRef === null ||
      (d.kind !== 'credit' && d.kind !== 'reversal' && d.kind !== 'amount_unknown')
    )
      continue;
    const e = entries.get(d.entryFingerprint);
    entries.set(d.entryFingerprint, { ref: d.bookingRef, count: (e?.count ?? 0) + 1 });
  }
  const sameBooking = new Map<string, string>();
  const superseded: string[] = [];
  if (entries.size === 0) return { sameBooking, superseded };
  const known = new Map<string, KnownBooking[]>();
  for (const part of chunks([...new Set([...entries.values()].map((e) => e.ref))])) {
    const rows = await trx
      .selectFrom('statement_lines')
      .select(['line_id', 'booking_ref', 'match_status', 'payment_id'])
      .where('tenant_id', '=', tenantId)
      .where('booking_ref', 'in', part)
      .execute();
    for (const r of rows) {
      const ref = r.booking_ref ?? '';
      known.set(ref, [
        ...(known.get(ref) ?? []),
        { lineId: r.line_id, matchStatus: r.match_status, paymentId: r.payment_id },
      ]);
    }
  }
  for (const [entry, { ref, count }] of entries) {
    const lines = known.get(ref);
    const first = lines?.[0];
    if (!lines || !first) continue;
    const settled = lines.some((l) => l.paymentId !== null || l.matchStatus === 'matched');
    if (settled || count <= lines.length) {
      sameBooking.set(entry, first.lineId);
      continue;
    }
    superseded.push(
      ...lines
        .filter((l) => ['review', 'ambiguous', 'unmatched'].includes(l.matchStatus))
        .map((l) => l.lineId),
    );
  }
  return { sameBooking, superseded };
}
