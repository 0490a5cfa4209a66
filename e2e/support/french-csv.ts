/**
 * A small export as a French accounting tool writes it: semicolons, dd/mm/yyyy dates, decimal
 * commas, accented headers. The last row has a due date that is not a date, so it is rejected.
 */
export const frenchCsv = [
  "N° facture;Date facture;Date d'échéance;Montant TTC;Code client;Raison sociale;E-mail;Téléphone",
  'E2E-F-001;05/01/2026;04/02/2026;1234,56;E2E-C1;Boulangerie Martin SARL;compta@boulangerie-martin.fr;01 23 45 67 89',
  'E2E-F-002;12/01/2026;11/02/2026;89,90;E2E-C2;Jean Dupont;jean.dupont@example.fr;06 12 34 56 78',
  'E2E-F-003;20/01/2026;pas une date;450,00;E2E-C3;Garage du Centre;contact@garage-du-centre.fr;',
].join('\r\n');
