import { minorToDecimalString } from '@relance/core';

/** One booking of a test statement: a credit by default, booked, with one transaction. */
export type EntrySpec = {
  readonly amountMinor: number;
  readonly currency?: string;
  readonly direction?: 'CRDT' | 'DBIT';
  readonly reversal?: boolean;
  readonly status?: 'BOOK' | 'PDNG' | 'INFO';
  readonly bookingDate?: string;
  /** The bank's reference of the booking; unique per entry by default. */
  readonly acctSvcrRef?: string;
  readonly entryRef?: string;
  readonly endToEndId?: string;
  readonly creditorReference?: string;
  readonly remittance?: string;
  readonly payerName?: string;
  readonly payerIban?: string;
  readonly returnReason?: string;
};

export type StatementSpec = {
  readonly messageId: string;
  readonly iban?: string;
  readonly kind?: 'camt.053' | 'camt.054';
  readonly entries: readonly EntrySpec[];
};

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A CAMT.053.001.02 statement (or CAMT.054.001.02 notification) of the account, as a bank sends it. */
export function buildCamt(spec: StatementSpec): string {
  const kind = spec.kind ?? 'camt.053';
  const [root, block] = kind === 'camt.053' ? ['BkToCstmrStmt', 'Stmt'] : ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'];
  const iban = spec.iban ?? 'FR7630006000011234567890189';
  const entries = spec.entries.map((e, i) => entryXml(e, `${spec.messageId}-${i + 1}`)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${kind}.001.02">
<${root}><GrpHdr><MsgId>${xml(spec.messageId)}</MsgId><CreDtTm>2026-03-16T08:00:00</CreDtTm></GrpHdr>
<${block}><Id>${xml(spec.messageId)}</Id><CreDtTm>2026-03-16T08:00:00</CreDtTm>
<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${entries}</${block}></${root}></Document>
`;
}

function entryXml(e: EntrySpec, ref: string): string {
  const ccy = e.currency ?? 'EUR';
  const amount = minorToDecimalString(e.amountMinor, ccy);
  const date = e.bookingDate ?? '2026-03-16';
  const party =
    e.payerName || e.payerIban
      ? `<RltdPties>${e.payerName ? `<Dbtr><Nm>${xml(e.payerName)}</Nm></Dbtr>` : ''}${
          e.payerIban ? `<DbtrAcct><Id><IBAN>${e.payerIban}</IBAN></Id></DbtrAcct>` : ''
        }</RltdPties>`
      : '';
  const structured = e.creditorReference
    ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${xml(e.creditorReference)}</Ref></CdtrRefInf></Strd>`
    : '';
  const remittance =
    e.remittance || structured
      ? `<RmtInf>${e.remittance ? `<Ustrd>${xml(e.remittance)}</Ustrd>` : ''}${structured}</RmtInf>`
      : '';
  const rtr = e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : '';
  const e2e = `<Refs><EndToEndId>${xml(e.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs>`;
  return `<Ntry>${e.entryRef ? `<NtryRef>${xml(e.entryRef)}</NtryRef>` : ''}<Amt Ccy="${ccy}">${amount}</Amt>\
<CdtDbtInd>${e.direction ?? 'CRDT'}</CdtDbtInd>${e.reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts>${e.status ?? 'BOOK'}</Sts>\
<BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt><AcctSvcrRef>${xml(e.acctSvcrRef ?? ref)}</AcctSvcrRef>\
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
<NtryDtls><TxDtls>${e2e}<AmtDtls><TxAmt><Amt Ccy="${ccy}">${amount}</Amt></TxAmt></AmtDtls>${party}${remittance}${rtr}</TxDtls></NtryDtls></Ntry>
`;
}
