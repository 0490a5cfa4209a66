import {
  AUTO_MATCH_CONFIDENCE,
  type CaseCandidate,
  type InvoiceHit,
  type InvoiceToken,
  type LineFacts,
  type LineKeys,
  type MatchCandidate,
  type MatchDecision,
  type MatchLookup,
} from './match-types.ts';
import { nameSimilarity, nameTokens } from './payer-names.ts';

/** Below this similarity (0–100) a payer's name is not the debtor's. */
const NAME_THRESHOLD = 50;

/**
 * Decides what a credit pays, by the first rule that finds a case, in this order:
 * 1. an RF creditor reference of a case (structured, in the end-to-end id, or in the text): 100;
 * 2. invoice numbers of open claims read in the text: 90 when they are all of one case, less when of several;
 * 3. an id Relance issued (a payment attempt, a plan) carried by the end-to-end id: 90;
 * 4. the exact outstanding of a case whose debtor's name is like the payer's: 60 to 75 by the likeness.
 * One candidate at 90 or more, in the case's currency, on a case that still owes something: 'matched'.
 * One below: 'review'. Several: 'ambiguous'. None: 'unmatched' (with the few cases owing exactly the
 * amount, as hints). The claims the payer named are designated.
 */
export function matchLine(facts: LineFacts, keys: LineKeys, lookup: MatchLookup): MatchDecision {
  const named = namedClaims(keys.invoiceTokens, lookup);
  const rules = [
    () => byReference(keys, lookup, named),
    () => byInvoice(named),
    () => byIssued(keys, lookup, named),
    () => byAmountAndName(facts, keys, lookup),
  ];
  for (const rule of rules) {
    const candidates = rule();
    if (candidates.length > 0) return decide(facts, candidates, lookup);
  }
  return {
    status: 'unmatched',
    caseId: null,
    confidence: null,
    verdict: { code: 'no_match', unknownReferences: keys.rfReferences.map((r) => r.reference) },
    candidates: amountHints(facts, lookup),
    designatedClaimIds: [],
  };
}

type Named = { readonly hit: InvoiceHit; readonly token: InvoiceToken };

/**
 * Open claims named in the text, each once. A token read inside a longer one that also names a claim is
 * dropped ('2024-0012' inside 'FA-2024-0012'): the longer reading is what the payer wrote.
 */
function namedClaims(tokens: readonly InvoiceToken[], lookup: MatchLookup): readonly Named[] {
  const found = tokens
    .map((token) => ({ token, hits: lookup.claimsByInvoice.get(token.token.toUpperCase()) ?? [] }))
    .filter((f) => f.hits.length > 0);
  const kept = found.filter(
    (f) =>
      !found.some(
        (o) =>
          o !== f &&
          o.token.source === f.token.source &&
          o.token.start <= f.token.start &&
          o.token.end >= f.token.end &&
          o.token.end - o.token.start > f.token.end - f.token.start,
      ),
  );
  const seen = new Set<string>();
  const out: Named[] = [];
  for (const f of kept) {
    for (const hit of f.hits) {
      if (seen.has(hit.claimId)) continue;
      seen.add(hit.claimId);
      out.push({ hit, token: f.token });
    }
  }
  return out;
}

function claimsOf(caseId: string, named: readonly Named[]): readonly string[] {
  return named.filter((n) => n.hit.caseId === caseId).map((n) => n.hit.claimId);
}

function byReference(keys: LineKeys, lookup: MatchLookup, named: readonly Named[]): MatchCandidate[] {
  const out: MatchCandidate[] = [];
  for (const { reference, place } of keys.rfReferences) {
    const kase = lookup.casesByReference.get(reference);
    if (!kase || out.some((c) => c.caseId === kase.caseId)) continue;
    out.push({
      caseId: kase.caseId,
      confidence: 100,
      rule: 'rf_reference',
      reason: { code: 'rf_reference', reference, place },
      claimIds: claimsOf(kase.caseId, named),
    });
  }
  return out;
}

function byInvoice(named: readonly Named[]): MatchCandidate[] {
  const byCase = new Map<string, Named[]>();
  for (const n of named) byCase.set(n.hit.caseId, [...(byCase.get(n.hit.caseId) ?? []), n]);
  const cases = [...byCase.entries()].sort((a, b) => b[1].length - a[1].length);
  const confidence = Math.max(50, 90 - 10 * (cases.length - 1));
  return cases.map(([caseId, list]) => ({
    caseId,
    confidence,
    rule: 'invoice_number',
    reason: { code: 'invoice_number', invoices: list.map((n) => n.hit.invoiceNumber) },
    claimIds: list.map((n) => n.hit.claimId),
  }));
}

function byIssued(keys: LineKeys, lookup: MatchLookup, named: readonly Named[]): MatchCandidate[] {
  const out: MatchCandidate[] = [];
  for (const id of keys.issuedIds) {
    const hit = lookup.issued.get(id);
    if (!hit || out.some((c) => c.caseId === hit.caseId)) continue;
    out.push({
      caseId: hit.caseId,
      confidence: AUTO_MATCH_CONFIDENCE,
      rule: 'issued_reference',
      reason: { code: 'issued_reference', kind: hit.kind, id },
      claimIds: claimsOf(hit.caseId, named),
    });
  }
  return out;
}

function byAmountAndName(facts: LineFacts, keys: LineKeys, lookup: MatchLookup): MatchCandidate[] {
  if (keys.payerTokens.length === 0 || facts.payerName === null) return [];
  const seen = new Map<string, CaseCandidate>();
  for (const word of keys.payerTokens) {
    for (const c of lookup.amounts.byNameToken(facts.currency, facts.amountMinor, word))
      seen.set(c.caseId, c);
  }
  const out: MatchCandidate[] = [];
  for (const c of seen.values()) {
    const similarity = nameSimilarity(keys.payerTokens, nameTokens(c.debtorName));
    if (similarity < NAME_THRESHOLD) continue;
    out.push({
      caseId: c.caseId,
      confidence: 60 + Math.round((15 * (similarity - NAME_THRESHOLD)) / (100 - NAME_THRESHOLD)),
      rule: 'amount_name',
      reason: {
        code: 'amount_name',
        amountMinor: facts.amountMinor,
        currency: facts.currency,
        payerName: facts.payerName,
        debtorName: c.debtorName,
        similarity,
      },
      claimIds: [],
    });
  }
  return out;
}

function amountHints(facts: LineFacts, lookup: MatchLookup): readonly MatchCandidate[] {
  const { count, first } = lookup.amounts.byAmount(facts.currency, facts.amountMinor);
  return first.map((c) => ({
    caseId: c.caseId,
    confidence: count === 1 ? 30 : 20,
    rule: 'amount_only',
    reason: {
      code: 'amount_only',
      amountMinor: facts.amountMinor,
      currency: facts.currency,
      sharedBy: count,
    },
    claimIds: [],
  }));
}

function decide(facts: LineFacts, found: readonly MatchCandidate[], lookup: MatchLookup): MatchDecision {
  const candidates = [...found].sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0] as MatchCandidate;
  if (candidates.length > 1) {
    return {
      status: 'ambiguous',
      caseId: null,
      confidence: best.confidence,
      verdict: { code: 'several_cases', count: candidates.length },
      candidates,
      designatedClaimIds: [],
    };
  }
  const kase = lookup.cases.get(best.caseId);
  const review = (verdict: MatchDecision['verdict']): MatchDecision => ({
    status: 'review',
    caseId: best.caseId,
    confidence: best.confidence,
    verdict,
    candidates,
    designatedClaimIds: best.claimIds,
  });
  if (kase && kase.currency !== facts.currency) {
    return review({ code: 'currency_differs', lineCurrency: facts.currency, caseCurrency: kase.currency });
  }
  if (best.confidence < AUTO_MATCH_CONFIDENCE) return review({ code: 'below_threshold' });
  if (kase?.status !== 'open' || kase.outstandingMinor <= 0) return review({ code: 'nothing_outstanding' });
  return { ...review({ code: 'matched' }), status: 'matched' };
}
