import { civilFromDays, formatClock, MS_PER_DAY, MS_PER_MINUTE, weekdayOfDay } from './instants.ts';
import type {
  Bilingual,
  ContactCap,
  ContactChannel,
  ContactPurpose,
  ContactRequest,
  QuietPeriod,
} from './types.ts';
import { weekdayName } from './windows.ts';
import { localWallClock } from './zones.ts';

// Every sentence the gate shows to an agent or a creditor, in French and English: which rule, which hours,
// which zone, and when the contact becomes possible.

const CHANNELS: Readonly<Record<ContactChannel, Bilingual & { readonly allowed: Bilingual }>> = {
  call: { fr: 'appel', en: 'call', allowed: { fr: 'Appel autorisé', en: 'Call allowed' } },
  ivr_call: {
    fr: 'appel SVI',
    en: 'IVR call',
    allowed: { fr: 'Appel SVI autorisé', en: 'IVR call allowed' },
  },
  sms: { fr: 'SMS', en: 'SMS', allowed: { fr: 'SMS autorisé', en: 'SMS allowed' } },
  email: { fr: 'e-mail', en: 'e-mail', allowed: { fr: 'E-mail autorisé', en: 'E-mail allowed' } },
  letter: { fr: 'courrier', en: 'letter', allowed: { fr: 'Courrier autorisé', en: 'Letter allowed' } },
  registered_letter: {
    fr: 'lettre recommandée',
    en: 'registered letter',
    allowed: { fr: 'Lettre recommandée autorisée', en: 'Registered letter allowed' },
  },
};

const PURPOSES: Readonly<Record<ContactPurpose, Bilingual>> = {
  reminder: { fr: 'relance', en: 'reminder' },
  formal_notice: { fr: 'mise en demeure', en: 'formal notice' },
  legal_threat: { fr: 'menace d’action en justice', en: 'threat of legal action' },
  handover_notice: {
    fr: 'avis de transmission (agence ou contentieux)',
    en: 'notice of hand-over (agency or legal)',
  },
  confirmation: { fr: 'confirmation', en: 'confirmation' },
  thanks: { fr: 'remerciement', en: 'thank-you' },
};

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function channelName(channel: ContactChannel): Bilingual {
  return CHANNELS[channel];
}

function channelList(channels: readonly ContactChannel[]): Bilingual {
  return {
    fr: channels.map((c) => CHANNELS[c].fr).join(', '),
    en: channels.map((c) => CHANNELS[c].en).join(', '),
  };
}

function both(fr: string, en: string): Bilingual {
  return { fr, en };
}

/** 'de courrier', 'd’appel'. */
function ofFr(noun: string): string {
  return /^[aeiouéh]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

/** 'lundi 24/11 10:00' / 'Monday 24 Nov 10:00', on the wall clock of `zone`. */
export function formatLocal(zone: string, ms: number): Bilingual {
  const wall = localWallClock(zone, ms);
  const day = Math.floor(wall / MS_PER_DAY);
  const time = formatClock(Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE));
  return formatDay(day, time);
}

function formatDay(day: number, time: string): Bilingual {
  const packed = civilFromDays(day);
  const month = Math.floor(packed / 100) % 100;
  const date = packed % 100;
  const weekday = weekdayName(weekdayOfDay(day));
  const dd = String(date).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const suffix = time === '' ? '' : ` ${time}`;
  return {
    fr: `${weekday.fr} ${dd}/${mm}${suffix}`,
    en: `${weekday.en} ${date} ${EN_MONTHS[month - 1]}${suffix}`,
  };
}

/** 'heure de Europe/Paris' / 'Europe/Paris time'; several zones must all be convenient. */
export function zonesPhrase(zones: readonly string[]): Bilingual {
  if (zones.length === 0) return both('heure locale du débiteur', 'debtor’s local time');
  if (zones.length === 1) return both(`heure de ${zones[0]}`, `${zones[0]} time`);
  return both(
    `heure de ${zones.join(' et de ')} — le créneau doit convenir dans chacun de ces fuseaux`,
    `${zones.join(' and ')} time — the time must suit every one of these zones`,
  );
}

export function nextSlot(zone: string, retryAt: number | null, horizonDays: number): Bilingual {
  if (retryAt === null) {
    return both(
      `Aucun créneau autorisé dans les ${horizonDays} prochains jours.`,
      `No permitted time within the next ${horizonDays} days.`,
    );
  }
  const when = formatLocal(zone, retryAt);
  return both(`Prochain créneau : ${when.fr} (${zone}).`, `Next permitted time: ${when.en} (${zone}).`);
}

export function allowedText(
  channel: ContactChannel,
  hours: Bilingual,
  zones: Bilingual,
  caps: readonly ContactCap[],
  reference: Bilingual,
  underCease: boolean,
): Bilingual {
  const label = CHANNELS[channel].allowed;
  const capsFr = caps.map((c) => (c.days === 1 ? `${c.max} par jour` : `${c.max} par ${c.days} jours`));
  const capsEn = caps.map((c) => (c.days === 1 ? `${c.max} a day` : `${c.max} per ${c.days} days`));
  const limits =
    caps.length === 0
      ? both('', '')
      : both(` et dans les plafonds (${capsFr.join(', ')})`, ` and within the caps (${capsEn.join(', ')})`);
  const cease = underCease
    ? both(
        ' malgré la demande d’arrêt des contacts, envoi réservé à un agent',
        ' despite the request to stop contacts, sent by an agent',
      )
    : both('', '');
  return both(
    `${label.fr}${cease.fr} : dans les heures permises (${hours.fr} ; ${zones.fr})${limits.fr}. Règle : ${reference.fr}.`,
    `${label.en}${cease.en}: within the permitted hours (${hours.en}; ${zones.en})${limits.en}. Rule: ${reference.en}.`,
  );
}

export function outsideWindowText(
  channel: ContactChannel,
  hours: Bilingual,
  zones: readonly string[],
  closedZone: string,
  at: number,
  next: Bilingual,
): Bilingual {
  const label = CHANNELS[channel];
  const now = formatLocal(closedZone, at);
  const where = zonesPhrase(zones);
  return both(
    `${capitalize(label.fr)} hors des heures permises : il est ${now.fr} (${closedZone}) ; heures permises : ${hours.fr} (${where.fr}). ${next.fr}`,
    `${capitalize(label.en)} outside the permitted hours: it is ${now.en} (${closedZone}); permitted: ${hours.en} (${where.en}). ${next.en}`,
  );
}

export function holidayText(channel: ContactChannel, zone: string, day: number, next: Bilingual): Bilingual {
  const label = CHANNELS[channel];
  const date = formatDay(day, '');
  return both(
    `Pas ${ofFr(label.fr)} un jour férié (${date.fr}, ${zone}). ${next.fr}`,
    `No ${label.en} on a public holiday (${date.en}, ${zone}). ${next.en}`,
  );
}

export function capText(cap: ContactCap, count: number, next: Bilingual): Bilingual {
  const on = channelList(cap.channels);
  const span =
    cap.days === 1
      ? both(`aujourd’hui, au plus ${cap.max} par jour`, `today, at most ${cap.max} a day`)
      : both(
          `sur ${cap.days} jours consécutifs, au plus ${cap.max}`,
          `within ${cap.days} consecutive days, at most ${cap.max}`,
        );
  return both(
    `Plafond atteint pour cette créance : ${count} contact(s) (${on.fr}) ${span.fr} (${cap.reference.fr}). ${next.fr}`,
    `Cap reached for this debt: ${count} contact(s) (${on.en}) ${span.en} (${cap.reference.en}). ${next.en}`,
  );
}

export function quietText(period: QuietPeriod, conversationDay: number, next: Bilingual): Bilingual {
  const on = channelList(period.channels);
  const date = formatDay(conversationDay, '');
  return both(
    `Délai de calme après la conversation du ${date.fr} : pas de contact (${on.fr}) pendant ${period.days} jours, le jour de la conversation étant le premier (${period.reference.fr}). ${next.fr}`,
    `Quiet period after the conversation of ${date.en}: no contact (${on.en}) for ${period.days} days, the conversation day being day 1 (${period.reference.en}). ${next.en}`,
  );
}

export function ceaseText(
  channel: ContactChannel,
  reference: Bilingual,
  exceptions: Bilingual | null,
): Bilingual {
  const label = CHANNELS[channel];
  const still = exceptions === null ? both('', '') : both(` ${exceptions.fr}`, ` ${exceptions.en}`);
  return both(
    `Le débiteur a demandé l’arrêt des contacts : aucun contact (${label.fr}) pour ce dossier (${reference.fr}).${still.fr}`,
    `The debtor asked for contacts to stop: no contact (${label.en}) on this case (${reference.en}).${still.en}`,
  );
}

export function ceaseExceptionsText(
  channels: readonly ContactChannel[],
  purposes: readonly ContactPurpose[],
  agentOnly: boolean,
): Bilingual {
  const on = channelList(channels);
  const by = agentOnly ? both(', par un agent', ', by an agent') : both('', '');
  return both(
    `Restent possibles (${on.fr}${by.fr}) : ${purposes.map((p) => PURPOSES[p].fr).join(', ')}.`,
    `Still possible (${on.en}${by.en}): ${purposes.map((p) => PURPOSES[p].en).join(', ')}.`,
  );
}

export function permanentText(
  code:
    | 'opted_out'
    | 'no_consent'
    | 'no_contact'
    | 'invalid_contact'
    | 'time_barred_threat'
    | 'unknown_time_zone',
  request: ContactRequest,
  reference: Bilingual,
): Bilingual {
  const label = CHANNELS[request.channel];
  switch (code) {
    case 'opted_out':
      return both(
        `Le débiteur s’est opposé à ce canal (${label.fr}) : il ne doit plus être utilisé.`,
        `The debtor opted out of this channel (${label.en}): it must no longer be used.`,
      );
    case 'no_consent':
      return request.contact?.consent === 'withdrawn'
        ? both(
            `Le débiteur a retiré son consentement pour ce canal (${label.fr}).`,
            `The debtor withdrew consent for this channel (${label.en}).`,
          )
        : both(
            `${capitalize(label.fr)} : consentement exprès du débiteur requis (statut actuel : inconnu).`,
            `${capitalize(label.en)} needs the debtor’s express consent (current status: unknown).`,
          );
    case 'no_contact':
      return both(
        `Aucune coordonnée utilisable pour ce canal (${label.fr}).`,
        `No usable contact details for this channel (${label.en}).`,
      );
    case 'invalid_contact':
      return both(
        `Coordonnée invalide pour ce canal (${label.fr}) : à corriger avant toute relance.`,
        `Invalid contact details for this channel (${label.en}): fix them before any contact.`,
      );
    case 'time_barred_threat': {
      const purpose = PURPOSES[request.purpose];
      return both(
        `Créance prescrite : pas ${ofFr(purpose.fr)}, aucune action en justice ne peut être annoncée (${reference.fr}).`,
        `Time-barred claim: no ${purpose.en}, no legal action may be threatened (${reference.en}).`,
      );
    }
    case 'unknown_time_zone': {
      const zones = request.timeZones.length === 0 ? null : request.timeZones.join(', ');
      return both(
        `Fuseau horaire du débiteur inconnu ou invalide (${zones ?? 'aucun'}) : impossible de vérifier les heures permises pour ce canal (${label.fr}).`,
        `Unknown or invalid debtor time zone (${zones ?? 'none'}): the permitted hours for this channel (${label.en}) cannot be checked.`,
      );
    }
  }
}
