import { DomainError } from '@relance/core';
import { decodeStatementBytes } from '../statements/decode-statement.ts';
import type { StatementFile, StatementFormat, StatementReadOptions } from '../statements/statement-model.ts';
import { StatementWarnings } from '../statements/statement-warnings.ts';
import { readCamtStatement } from './camt-statement.ts';
import { parseXmlDocument } from './xml-reader.ts';
import { child, children, text, type XmlNode } from './xml-tree.ts';

/** The message versions this reader was written against (camt.05x.001.02 to .10). */
const KNOWN_VERSIONS = { first: 2, last: 10 } as const;

const MESSAGES: Readonly<Record<string, { readonly format: StatementFormat; readonly element: string }>> = {
  BkToCstmrStmt: { format: 'camt.053', element: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', element: 'Ntfctn' },
};

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053) or debit/credit notification (camt.054),
 * versions .02 to .10 (a later version is read the same way, with a warning). Throws `import_unreadable`
 * for what is not well-formed XML or not one of these messages; anything doubtful inside is a warning.
 */
export function readCamt(input: string | Uint8Array, options: StatementReadOptions = {}): StatementFile {
  const fileLabel = options.fileLabel ?? 'The file';
  const warnings = new StatementWarnings();
  const xml =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '')
      : decodeStatementBytes(input, fileLabel, warnings);
  const root = parseXmlDocument(xml, fileLabel);
  const document = child(root, 'Document') ?? root;
  const { name, message } = messageOf(document);
  const kind = MESSAGES[name];
  if (kind === undefined || message === undefined) throw notCamt(name, fileLabel);
  const version = messageVersion(xml, kind.format, warnings);
  const header = child(message, 'GrpHdr');
  const reading = { format: kind.format, element: kind.element, warnings, seen: new Map<string, number>() };
  const statements = children(message, kind.element).map((node, index) =>
    readCamtStatement(node, index, reading),
  );
  return {
    format: kind.format,
    version,
    messageId: text(header, 'MsgId'),
    createdAt: text(header, 'CreDtTm'),
    statements,
    warnings: warnings.items,
  };
}

function messageOf(document: XmlNode): { name: string; message: XmlNode | undefined } {
  const name = Object.keys(document).find((key) => !key.startsWith('@') && !key.startsWith('#')) ?? '';
  return { name, message: child(document, name) };
}

function notCamt(name: string, fileLabel: string): DomainError {
  if (name === 'BkToCstmrAcctRpt') {
    return new DomainError(
      'import_unreadable',
      `${fileLabel} is a camt.052 account report (intraday), not a statement: import the camt.053 statement or camt.054 notifications instead.`,
      {
        reason: 'camt052',
        element: name,
        fr: 'Rapport de compte camt.052 (intrajournalier) : importez le relevé camt.053 ou les avis camt.054.',
      },
    );
  }
  return new DomainError(
    'import_unreadable',
    `${fileLabel} is XML but not a bank statement: its message is <${name || '?'}>, where a camt.053 <BkToCstmrStmt> or a camt.054 <BkToCstmrDbtCdtNtfctn> was expected.`,
    {
      reason: 'not_camt',
      element: name,
      fr: `XML sans relevé bancaire : message <${name || '?'}> au lieu de <BkToCstmrStmt> (camt.053) ou <BkToCstmrDbtCdtNtfctn> (camt.054).`,
    },
  );
}

const NAMESPACE =
  /xmlns(?::[\w.-]+)?\s*=\s*["']urn:iso:std:iso:20022:tech:xsd:(camt\.(\d{3})\.001\.(\d{2}))["']/;

/** The version from the message's namespace; a missing, mismatched or unknown one is a warning. */
function messageVersion(xml: string, format: StatementFormat, warnings: StatementWarnings): string | null {
  const match = NAMESPACE.exec(xml);
  if (!match) {
    warnings.add(
      'no_namespace',
      {},
      `aucun espace de noms ISO 20022 : lu comme un ${format} sans version connue.`,
      `no ISO 20022 namespace: read as a ${format} of unknown version.`,
    );
    return null;
  }
  const [, version = '', kind = '', number = ''] = match;
  const n = Number(number);
  if (`camt.${kind}` !== format || n < KNOWN_VERSIONS.first || n > KNOWN_VERSIONS.last) {
    warnings.add(
      'unknown_version',
      {},
      `version ${version} : ce lecteur connaît ${format}.001.02 à .10 ; lu de la même façon, vérifiez le résultat.`,
      `version ${version}: this reader knows ${format}.001.02 to .10; read the same way, check the result.`,
    );
  }
  return version;
}
