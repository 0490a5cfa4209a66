import type { UnsignedTransaction } from '../statements/statement-fingerprint.ts';
import type {
  BankTransactionCode,
  Direction,
  StatementAmount,
  StatementParty,
  StructuredRemittance,
} from '../statements/statement-model.ts';
import type { CfonbComplement } from './cfonb-records.ts';
import { parseCfonbAmount } from './cfonb-records.ts';

type Operation = {
  readonly amount: StatementAmount;
  readonly direction: Direction;
  readonly rejectionCode: string;
  readonly bankTxCode: BankTransactionCode;
};

/**
 * The transaction view of a CFONB operation, built from its 05 records (qualifiers of the CFONB
 * 'relevé 120' and its 2007 SEPA additions): NPY/IPY payer, NBE/IBE beneficiary, NPO/NBU ultimate
 * parties, LIB free label and LCC+LC2 remittance text (LC2 continues LCC), LCS structured reference,
 * RCN end-to-end (client) reference, REF the bank's operation reference, RUM mandate, MMO original
 * amount. Unknown qualifiers stay in the entry's `details` only.
 */
export function cfonbTransaction(
  operation: Operation,
  complements: readonly CfonbComplement[],
): UnsignedTransaction {
  const first = (qualifier: string, width = 70) => {
    const found = complements.find((c) => c.qualifier === qualifier);
    return found ? nonEmpty(found.info.slice(0, width)) : null;
  };
  const unstructured: string[] = [];
  const structured: StructuredRemittance[] = [];
  let pendingLcc: string | null = null;
  const flushLcc = () => {
    if (pendingLcc !== null) push(unstructured, pendingLcc);
    pendingLcc = null;
  };
  for (const c of complements) {
    if (c.qualifier === 'LC2' && pendingLcc !== null) {
      pendingLcc += c.info;
      continue;
    }
    flushLcc();
    if (c.qualifier === 'LIB') push(unstructured, c.info);
    else if (c.qualifier === 'LCC') pendingLcc = c.info;
    else if (c.qualifier === 'LCS') {
      const ref = nonEmpty(c.info.slice(0, 36));
      if (ref !== null) structured.push(structuredRef(ref));
    }
  }
  flushLcc();
  const endToEndId = first('RCN', 35);
  return {
    index: 0,
    endToEndId: endToEndId?.toUpperCase() === 'NOTPROVIDED' ? null : endToEndId,
    instructionId: null,
    mandateId: first('RUM', 35),
    accountServicerRef: first('REF', 35),
    messageId: null,
    paymentInfoId: null,
    amount: operation.amount,
    direction: operation.direction,
    instructedAmount: originalAmount(complements.find((c) => c.qualifier === 'MMO')),
    debtor: party(first('NPY'), first('IPY', 35)),
    creditor: party(first('NBE'), first('IBE', 35)),
    ultimateDebtorName: first('NPO'),
    ultimateCreditorName: first('NBU'),
    remittanceUnstructured: unstructured,
    remittanceStructured: structured,
    returnReason: operation.rejectionCode === '' ? null : operation.rejectionCode,
    returnInfo: null,
    bankTxCode: operation.bankTxCode,
    additionalInfo: null,
  };
}

function nonEmpty(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function push(list: string[], text: string): void {
  const value = nonEmpty(text);
  if (value !== null && !list.includes(value)) list.push(value);
}

function party(name: string | null, id: string | null): StatementParty | null {
  return name === null && id === null ? null : { name, iban: null, account: null, id };
}

function structuredRef(ref: string): StructuredRemittance {
  const type = /^RF\d{2}[0-9A-Z]{1,21}$/i.test(ref.replace(/\s/g, '')) ? 'SCOR' : null;
  return { kind: 'creditor_reference', type, issuer: null, ref, amount: null, creditNoteAmount: null };
}

/** MMO: currency (3), decimals (1), amount (14 digits), then the exchange rate (not kept). */
function originalAmount(mmo: CfonbComplement | undefined): StatementAmount | null {
  if (mmo === undefined) return null;
  const currency = mmo.info.slice(0, 3);
  const decimals = mmo.info.slice(3, 4);
  const digits = mmo.info.slice(4, 18);
  if (!/^[A-Z]{3}$/.test(currency) || !/^\d$/.test(decimals) || !/^\d{14}$/.test(digits)) return null;
  // Unsigned 14 digits: read through the overpunch parser with a '+' final digit.
  const amount = parseCfonbAmount(digits, Number(decimals), currency);
  if (amount === null) return null;
  const { negative: _negative, ...plain } = amount;
  return plain;
}
