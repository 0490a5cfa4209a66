import { parseDirection } from '../statements/statement-amounts.ts';
import type { UnsignedTransaction } from '../statements/statement-fingerprint.ts';
import type { StructuredRemittance } from '../statements/statement-model.ts';
import type { StatementWarnings } from '../statements/statement-warnings.ts';
import { type At, partyName, plain, readAmount, readBankTxCode, readParty } from './camt-values.ts';
import { child, children, text, texts, type XmlNode } from './xml-tree.ts';

/** One TxDtls: references, amounts, parties, remittance and return reason. Never refused: all is optional. */
export function readCamtTransaction(
  tx: XmlNode,
  index: number,
  currency: string | null,
  at: At,
  warnings: StatementWarnings,
): UnsignedTransaction {
  const refs = child(tx, 'Refs');
  const parties = child(tx, 'RltdPties');
  const amountNode = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
  const amountPath = child(tx, 'Amt') ? 'Amt' : 'AmtDtls/TxAmt/Amt';
  const amount = readAmount(amountNode, currency, { ...at, path: `${at.path}/${amountPath}` }, warnings);
  const instructed = readAmount(
    child(tx, 'AmtDtls', 'InstdAmt', 'Amt'),
    currency,
    { ...at, path: `${at.path}/AmtDtls/InstdAmt/Amt` },
    warnings,
  );
  const endToEndId = text(refs, 'EndToEndId');
  const returnInfo = texts(tx, 'RtrInf', 'AddtlInf').join(' ');
  return {
    index,
    endToEndId: endToEndId === null || endToEndId.toUpperCase() === 'NOTPROVIDED' ? null : endToEndId,
    instructionId: text(refs, 'InstrId'),
    mandateId: text(refs, 'MndtId'),
    accountServicerRef: text(refs, 'AcctSvcrRef'),
    messageId: text(refs, 'MsgId'),
    paymentInfoId: text(refs, 'PmtInfId'),
    amount: plain(amount),
    direction: parseDirection(text(tx, 'CdtDbtInd')),
    instructedAmount: plain(instructed),
    debtor: readParty(child(parties, 'Dbtr'), child(parties, 'DbtrAcct')),
    creditor: readParty(child(parties, 'Cdtr'), child(parties, 'CdtrAcct')),
    ultimateDebtorName: partyName(child(parties, 'UltmtDbtr')),
    ultimateCreditorName: partyName(child(parties, 'UltmtCdtr')),
    remittanceUnstructured: texts(tx, 'RmtInf', 'Ustrd'),
    remittanceStructured: children(child(tx, 'RmtInf'), 'Strd').flatMap((strd, i) =>
      readStructured(strd, currency, { ...at, path: `${at.path}/RmtInf/Strd[${i + 1}]` }, warnings),
    ),
    returnReason: text(tx, 'RtrInf', 'Rsn', 'Cd') ?? text(tx, 'RtrInf', 'Rsn', 'Prtry'),
    returnInfo: returnInfo === '' ? null : returnInfo,
    bankTxCode: readBankTxCode(child(tx, 'BkTxCd')),
    additionalInfo: texts(tx, 'AddtlTxInf').join(' ') || null,
  };
}

/**
 * One Strd block: its creditor reference (SCOR / QRR / 'ISR Reference' / none), the documents it refers
 * to (RfrdDocInf: CINV and its number), and its AddtlRmtInf lines, each as one item carrying the block's
 * remitted amount. Kept in the order of the schema, which is the order banks write them.
 */
function readStructured(
  strd: XmlNode,
  currency: string | null,
  at: At,
  warnings: StatementWarnings,
): StructuredRemittance[] {
  const amounts = child(strd, 'RfrdDocAmt');
  const amountNode = child(amounts, 'RmtdAmt') ?? child(amounts, 'DuePyblAmt');
  const amount = plain(readAmount(amountNode, currency, { ...at, path: `${at.path}/RfrdDocAmt` }, warnings));
  const creditNoteAmount = plain(
    readAmount(child(amounts, 'CdtNoteAmt'), currency, { ...at, path: `${at.path}/RfrdDocAmt` }, warnings),
  );
  const items: StructuredRemittance[] = [];
  for (const doc of children(strd, 'RfrdDocInf')) {
    const ref = text(doc, 'Nb');
    if (ref === null) continue;
    const type = text(doc, 'Tp', 'CdOrPrtry', 'Cd') ?? text(doc, 'Tp', 'CdOrPrtry', 'Prtry');
    items.push({
      kind: 'referred_document',
      type,
      issuer: text(doc, 'Tp', 'Issr'),
      ref,
      amount,
      creditNoteAmount,
    });
  }
  for (const creditorRef of children(strd, 'CdtrRefInf')) {
    const ref = text(creditorRef, 'Ref');
    if (ref === null) continue;
    const type = text(creditorRef, 'Tp', 'CdOrPrtry', 'Cd') ?? text(creditorRef, 'Tp', 'CdOrPrtry', 'Prtry');
    const issuer = text(creditorRef, 'Tp', 'Issr');
    items.push({ kind: 'creditor_reference', type, issuer, ref, amount, creditNoteAmount });
  }
  for (const line of texts(strd, 'AddtlRmtInf')) {
    items.push({ kind: 'additional', type: null, issuer: null, ref: line, amount, creditNoteAmount });
  }
  return items;
}
