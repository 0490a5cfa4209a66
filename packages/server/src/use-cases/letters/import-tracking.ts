import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requireLetterAccess } from './letter-access.ts';
import { applyPostalChange, type TrackedStatus } from './update-postal-item.ts';

export type TrackingRejection = {
  /** 1-based line of the file. */
  readonly line: number;
  readonly reason: 'columns' | 'status' | 'date' | 'unknown_letter' | 'ambiguous_tracking';
  readonly message: { readonly fr: string; readonly en: string };
  readonly raw: string;
};

export type TrackingImport = {
  readonly applied: number;
  readonly unchanged: number;
  readonly rejected: readonly TrackingRejection[];
};

const statusWords: Readonly<Record<string, TrackedStatus>> = {
  posted: 'posted',
  posté: 'posted',
  postée: 'posted',
  déposé: 'posted',
  delivered: 'delivered',
  distribué: 'delivered',
  distribuée: 'delivered',
  livré: 'delivered',
  returned: 'returned',
  retourné: 'returned',
  retournée: 'returned',
  retour: 'returned',
  unclaimed: 'unclaimed',
  'non réclamé': 'unclaimed',
  'non réclamée': 'unclaimed',
  'avisé non réclamé': 'unclaimed',
};

/**
 * A mail house's or La Poste's tracking file: one line per letter, `reference or tracking number; status;
 * date[; tracking number]` (comma or semicolon, an optional header line). Valid lines are applied; each bad
 * line is reported with its number, its reason and its text, and nothing of it is applied.
 */
export async function importTracking(deps: Deps, actor: Actor, csv: string): Promise<TrackingImport> {
  requireLetterAccess(actor, 'write');
  const clock = { now: deps.clock.now(), today: deps.clock.today() };
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rejected: TrackingRejection[] = [];
  let applied = 0;
  let unchanged = 0;
  await deps.database.db.transaction().execute(async (trx) => {
    for (const [index, raw] of lines.entries()) {
      if (raw.trim() === '') continue;
      const line = index + 1;
      const cells = splitLine(raw, raw.includes(';') ? ';' : ',');
      if (index === 0 && /stat(us|ut)/i.test(cells[1] ?? '')) continue;
      const reject = (reason: TrackingRejection['reason'], fr: string, en: string) =>
        rejected.push({ line, reason, message: { fr, en }, raw });
      const [key = '', statusText = '', dateText = '', tracking] = cells;
      if (cells.length < 3 || key === '')
        reject(
          'columns',
          'Trois colonnes attendues : référence ou n° de suivi, statut, date.',
          'Three columns expected: reference or tracking number, status, date.',
        );
      else {
        const status = statusWords[statusText.toLowerCase()];
        const on = isoDate(dateText);
        if (!status)
          reject(
            'status',
            `Statut inconnu « ${statusText} » (posted, delivered, returned, unclaimed).`,
            `Unknown status "${statusText}" (posted, delivered, returned, unclaimed).`,
          );
        else if (!on)
          reject(
            'date',
            `Date illisible « ${dateText} » (AAAA-MM-JJ ou JJ/MM/AAAA).`,
            `Unreadable date "${dateText}" (YYYY-MM-DD or DD/MM/YYYY).`,
          );
        else {
          const matches = await trx
            .selectFrom('postal_items')
            .select('item_id')
            .where('tenant_id', '=', actor.tenantId)
            .where((eb) => eb.or([eb('reference', '=', key), eb('tracking_number', '=', key)]))
            .limit(2)
            .execute();
          if (matches.length === 0)
            reject(
              'unknown_letter',
              `Aucune lettre n’a la référence ou le n° de suivi « ${key} ».`,
              `No letter has the reference or tracking number "${key}".`,
            );
          else if (matches.length > 1)
            reject(
              'ambiguous_tracking',
              `Plusieurs lettres ont le n° de suivi « ${key} ».`,
              `Several letters have the tracking number "${key}".`,
            );
          else {
            const outcome = await applyPostalChange(
              trx,
              actor,
              matches[0]?.item_id ?? '',
              { status, on, ...(tracking?.trim() ? { trackingNumber: tracking.trim() } : {}) },
              clock,
            );
            if (outcome === 'changed') applied += 1;
            else unchanged += 1;
          }
        }
      }
    }
  });
  return { applied, unchanged, rejected };
}

function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function isoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : fr
      ? [fr[3], fr[2]?.padStart(2, '0'), fr[1]?.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`
    ? null
    : `${y}-${m}-${d}`;
}
