import { type Language, shippedTemplate, type TemplateChannel } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';

type Reader = Db | Transaction<Database>;

export type ResolvedTemplate = {
  readonly key: string;
  readonly channel: TemplateChannel;
  /** The language of the text found: the one asked for, or the other one when neither store has it. */
  readonly language: Language;
  readonly subject: string | null;
  readonly body: string;
  /** The tenant's version number; null for the shipped text. */
  readonly version: number | null;
  readonly source: 'tenant' | 'shipped';
  /** "tenant:7" (the template_id of the version) or "shipped:reminder-email/email/fr": kept with what is sent. */
  readonly templateVersion: string;
  /** Set when the text is in the other language, to say so wherever it is shown. */
  readonly note: { readonly fr: string; readonly en: string } | null;
};

/** The text to use: the tenant's newest version, else the shipped one, else the other language's. */
export async function resolveTemplate(
  db: Reader,
  tenantId: string,
  key: string,
  channel: TemplateChannel,
  language: Language,
): Promise<ResolvedTemplate | null> {
  const other: Language = language === 'fr' ? 'en' : 'fr';
  for (const lang of [language, other]) {
    const found =
      (await newestTenantVersion(db, tenantId, key, channel, lang)) ?? shipped(key, channel, lang);
    if (found) {
      return {
        ...found,
        note:
          lang === language
            ? null
            : {
                fr: `Pas de modèle « ${key} » (${channel}) en ${language === 'fr' ? 'français' : 'anglais'} : texte en ${lang === 'fr' ? 'français' : 'anglais'}.`,
                en: `No "${key}" template (${channel}) in ${language === 'fr' ? 'French' : 'English'}: the ${lang === 'fr' ? 'French' : 'English'} text is used.`,
              },
      };
    }
  }
  return null;
}

async function newestTenantVersion(
  db: Reader,
  tenantId: string,
  key: string,
  channel: TemplateChannel,
  language: Language,
): Promise<Omit<ResolvedTemplate, 'note'> | null> {
  const row = await db
    .selectFrom('templates')
    .select(['template_id', 'version', 'subject', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where('channel', '=', channel)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    key,
    channel,
    language,
    subject: row.subject,
    body: row.body,
    version: Number(row.version),
    source: 'tenant',
    templateVersion: `tenant:${row.template_id}`,
  };
}

function shipped(
  key: string,
  channel: TemplateChannel,
  language: Language,
): Omit<ResolvedTemplate, 'note'> | null {
  const t = shippedTemplate(key, channel, language);
  if (!t) return null;
  return {
    key,
    channel,
    language,
    subject: t.subject,
    body: t.body,
    version: null,
    source: 'shipped',
    templateVersion: `shipped:${key}/${channel}/${language}`,
  };
}
