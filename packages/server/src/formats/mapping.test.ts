import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../test/support/shared-fixtures.ts';
import { FIELD_SYNONYMS, headerKey, IMPORT_FIELDS } from './import-fields.ts';
import { assertMappingComplete, describeMapping, fieldForHeader, mapColumns } from './mapping.ts';
import { parseMappingFile } from './mapping-file.ts';

const shared = sharedFixtures() ?? '';

describe('fieldForHeader', () => {
  it.each([
    ['N° facture', 'invoice_number'],
    ['N°Facture', 'invoice_number'],
    ['  numéro de FACTURE ', 'invoice_number'],
    ['*InvoiceNumber', 'invoice_number'],
    ['Invoice No.', 'invoice_number'],
    ['Référence pièce', 'invoice_number'],
    ["Date d'émission", 'issue_date'],
    ["DATE D'ECHEANCE", 'due_date'],
    ['Échéance', 'due_date'],
    ['Montant TTC (€)', 'amount'],
    ['Montant TTC EUR', 'amount'],
    ['Reste à payer', 'outstanding'],
    ['Restant dû', 'outstanding'],
    ['Balance due', 'outstanding'],
    ['customerID', 'debtor_ref'],
    ['Code client', 'debtor_ref'],
    ['Raison sociale', 'debtor_name'],
    ['ContactName', 'debtor_name'],
    ['Type client', 'debtor_kind'],
    ['N° TVA intracom', 'vat_number'],
    ['E-mail', 'email'],
    ['Téléphone', 'phone'],
    ['Portable', 'mobile'],
    ['CP', 'postal_code'],
    ['Litige', 'disputed'],
    ['SettledDate', 'settled_date'],
    ['Étiquettes', 'tags'],
    ['ETIQUETTE', 'tags'],
    ['Profil client', 'tags'],
    ['Customer tags', 'tags'],
    ['Tags', 'tags'],
    ['Label', 'description'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves unknown and tax-exclusive headers alone', () => {
    expect(fieldForHeader('Montant HT')).toBeNull();
    expect(fieldForHeader('DaysLate')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });

  it('never gives one header two fields', () => {
    const owner = new Map<string, string>();
    for (const field of IMPORT_FIELDS) {
      for (const name of FIELD_SYNONYMS[field]) {
        const key = headerKey(name);
        expect(owner.get(key) ?? field, `${name} (${key})`).toBe(field);
        owner.set(key, field);
      }
    }
  });
});

describe('mapColumns', () => {
  it.skipIf(shared === '')('maps the Xero sales-invoice template and the IBM export', () => {
    const xero = readFileSync(join(shared, 'csv/xero_SalesInvoiceTemplate_header.csv'), 'utf8').split(',');
    const mapped = describeMapping(mapColumns(xero));
    expect(mapped).toMatchObject({
      debtor_name: '*ContactName',
      email: 'EmailAddress',
      address_line1: 'POAddressLine1',
      address_line2: 'POAddressLine2',
      city: 'POCity',
      postal_code: 'POPostalCode',
      country: 'POCountry',
      invoice_number: '*InvoiceNumber',
      external_ref: 'Reference',
      issue_date: '*InvoiceDate',
      due_date: '*DueDate',
      amount: 'Total',
      description: '*Description',
      currency: 'Currency',
    });
    const ibm = readFileSync(
      join(shared, 'csv/ibm_watson_WA_Fn-UseC_-Accounts-Receivable.csv'),
      'utf8',
    ).split('\n')[0]!;
    const ibmMapping = mapColumns(ibm.trim().split(','));
    expect(ibmMapping.missingRequired).toEqual([]);
    expect(ibmMapping.unmappedHeaders).toEqual([
      'countryCode',
      'PaperlessDate',
      'PaperlessBill',
      'DaysToSettle',
      'DaysLate',
    ]);
  });

  it('takes the first of two columns naming the same field, and lets a stated mapping win', () => {
    const headers = ['Montant', 'Montant TTC', 'Facture', 'Échéance', 'Client'];
    expect(mapColumns(headers).columns.amount).toBe(0);
    const stated = mapColumns(headers, { amount: 'Montant TTC', debtor_name: null, debtor_ref: 'Client' });
    expect(stated.columns).toMatchObject({ amount: 1, debtor_name: null, debtor_ref: 4 });
    expect(stated.unmappedHeaders).toEqual(['Montant']);
  });

  it('says which requirement is missing and lists the headers found', () => {
    const mapping = mapColumns(['Facture', 'Client', 'Montant']);
    expect(mapping.missingRequired).toEqual(['due_date']);
    expect(() => assertMappingComplete(mapping, 'The file x.csv')).toThrow(
      /x\.csv lacks a column for the due date .* Columns found: "Facture", "Client", "Montant"/,
    );
  });
});

describe('parseMappingFile', () => {
  it('accepts the documented shape, with aliases', () => {
    expect(
      parseMappingFile({
        columns: { invoice_number: 'Ref pièce', description: null },
        dateOrder: 'dmy',
        decimalSeparator: ',',
        currency: 'eur',
        debtorKind: 'business',
        delimiter: 'tab',
        encoding: 'latin1',
      }),
    ).toEqual({
      columns: { invoice_number: 'Ref pièce', description: null },
      dateOrder: 'dmy',
      decimalSeparator: ',',
      currency: 'EUR',
      debtorKind: 'business',
      delimiter: '\t',
      encoding: 'windows-1252',
    });
  });

  it('names every problem at once', () => {
    expect(() =>
      parseMappingFile({ columns: { facture: 'x', montant: 'y' }, dateOrder: 'dd/mm', colour: 'blue' }),
    ).toThrow(/dateOrder: .*unknown fields "facture", "montant"; the fields are invoice_number, /s);
    try {
      parseMappingFile({ colour: 'blue' });
    } catch (error) {
      expect((error as { details: { problems: string[] } }).details.problems[0]).toMatch(/colour/);
    }
  });
});
