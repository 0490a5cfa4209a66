import { intlLocale, type Language } from '../../app/i18n/languages.ts';

const nbsp = (text: string) => text.replaceAll('\u202f', '\u00a0');

/** "mardi 3 mars à 13:00" / "Tuesday 3 March at 13:00", in the given zone (the browser's by default). */
export function slotLabel(instant: string, language: Language, timeZone?: string): string {
  return `${dayLabel(instant, language, timeZone)} ${language === 'fr' ? 'à' : 'at'} ${timeLabel(instant, language, timeZone)}`;
}

function dayLabel(instant: string, language: Language, timeZone?: string): string {
  return nbsp(
    new Intl.DateTimeFormat(intlLocale(language), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(timeZone ? { timeZone } : {}),
    }).format(new Date(instant)),
  );
}

function timeLabel(instant: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(instant));
}

export type SlotGroup = {
  readonly group: string;
  readonly items: { readonly value: string; readonly label: string }[];
};

/** The slots grouped by day, for a select a person scrolls on a phone. */
export function groupSlots(slots: readonly string[], language: Language, timeZone: string): SlotGroup[] {
  const groups: SlotGroup[] = [];
  for (const slot of slots) {
    const day = dayLabel(slot, language, timeZone);
    let group = groups.at(-1);
    if (group?.group !== day) {
      group = { group: day, items: [] };
      groups.push(group);
    }
    group.items.push({ value: slot, label: `${day} — ${timeLabel(slot, language, timeZone)}` });
  }
  return groups;
}
