import {
  checkTemplate,
  DomainError,
  hasErrors,
  type Language,
  SHIPPED_TEMPLATES,
  type TemplateChannel,
  type TemplateIssue,
} from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { isUniqueViolation } from '../access/unique-violation.ts';
import { resolveTemplate } from './resolve-template.ts';

export type TemplateSummary = {
  readonly key: string;
  readonly channel: TemplateChannel;
  readonly language: Language;
  /** The tenant's newest version, or null while the shipped text applies. */
  readonly version: number | null;
  readonly source: 'tenant' | 'shipped';
  /** A shipped text exists for this key, channel and language (the tenant may go back to it). */
  readonly shipped: boolean;
  readonly updatedAt: string | null;
};

/** Every key × channel × language, shipped or the tenant's own, with the version in force. */
export async function listTemplates(deps: Deps, actor: Actor): Promise<TemplateSummary[]> {
  requirePermission(actor, 'strategies:read');
  const rows = await deps.database.db
    .selectFrom('templates')
    .select(['key', 'channel', 'language', 'version', 'created_at'])
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  const out = new Map<string, TemplateSummary>();
  for (const t of SHIPPED_TEMPLATES) {
    out.set(`${t.key}/${t.channel}/${t.language}`, {
      key: t.key,
      channel: t.channel,
      language: t.language,
      version: null,
      source: 'shipped',
      shipped: true,
      updatedAt: null,
    });
  }
  for (const r of rows) {
    const id = `${r.key}/${r.channel}/${r.language}`;
    const known = out.get(id);
    if (known?.version != null && known.version >= Number(r.version)) continue;
    out.set(id, {
      key: r.key,
      channel: r.channel,
      language: r.language,
      version: Number(r.version),
      source: 'tenant',
      shipped: known?.shipped ?? false,
      updatedAt: r.created_at,
    });
  }
  return [...out.values()].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      a.channel.localeCompare(b.channel) ||
      a.language.localeCompare(b.language),
  );
}

export type TemplateDetail = {
  readonly key: string;
  readonly channel: TemplateChannel;
  readonly language: Language;
  readonly subject: string | null;
  readonly body: string;
  readonly version: number | null;
  readonly source: 'tenant' | 'shipped';
  readonly shipped: { readonly subject: string | null; readonly body: string } | null;
  readonly versions: readonly {
    readonly version: number;
    readonly subject: string | null;
    readonly body: string;
    readonly createdAt: string;
    readonly createdBy: string | null;
  }[];
};

/** One template in force (the tenant's newest version or the shipped text), with every saved version. */
export async function getTemplate(
  deps: Deps,
  actor: Actor,
  id: { key: string; channel: TemplateChannel; language: Language },
): Promise<TemplateDetail> {
  requirePermission(actor, 'strategies:read');
  const db = deps.database.db;
  const rows = await db
    .selectFrom('templates')
    .select(['version', 'subject', 'body', 'created_at', 'created_by'])
    .where('tenant_id', '=', actor.tenantId)
    .where('key', '=', id.key)
    .where('channel', '=', id.channel)
    .where('language', '=', id.language)
    .orderBy('version', 'desc')
    .execute();
  const shipped = SHIPPED_TEMPLATES.find(
    (t) => t.key === id.key && t.channel === id.channel && t.language === id.language,
  );
  const newest = rows[0];
  if (!newest && !shipped) {
    throw new DomainError('not_found', `No template "${id.key}" (${id.channel}, ${id.language}).`, {
      reason: 'template_not_found',
      ...id,
    });
  }
  return {
    ...id,
    subject: newest ? newest.subject : (shipped?.subject ?? null),
    body: newest ? newest.body : (shipped?.body ?? ''),
    version: newest ? Number(newest.version) : null,
    source: newest ? 'tenant' : 'shipped',
    shipped: shipped ? { subject: shipped.subject, body: shipped.body } : null,
    versions: rows.map((r) => ({
      version: Number(r.version),
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
      createdBy: r.created_by,
    })),
  };
}

export type TemplateInput = { readonly subject?: string | null | undefined; readonly body: string };

/** The issues of a subject and body, subject issues first; errors refuse a save, warnings do not. */
export type FieldIssue = TemplateIssue & { readonly field: 'subject' | 'body' };

export function checkTemplateInput(channel: TemplateChannel, input: TemplateInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (channel === 'email') {
    issues.push(...checkTemplate(input.subject ?? '').map((i) => ({ ...i, field: 'subject' as const })));
  }
  issues.push(...checkTemplate(input.body).map((i) => ({ ...i, field: 'body' as const })));
  return issues;
}

/** Saves a new version of a template. A template naming an unknown variable is refused here, not at send time. */
export async function saveTemplate(
  deps: Deps,
  actor: Actor,
  id: { key: string; channel: TemplateChannel; language: Language },
  input: TemplateInput,
): Promise<{ version: number; issues: FieldIssue[] }> {
  requirePermission(actor, 'strategies:write');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id.key)) {
    throw new DomainError(
      'invalid_input',
      `"${id.key}" is not a template key (lower-case letters, digits, dashes).`,
      {
        reason: 'invalid_template_key',
        key: id.key,
      },
    );
  }
  const issues = checkTemplateInput(id.channel, input);
  if (hasErrors(issues)) {
    const first = issues.find((i) => i.severity === 'error');
    throw new DomainError(
      'invalid_input',
      `The template is not valid: ${first ? `${first.line}:${first.column} ${first.message.en}` : ''}`,
      { reason: 'invalid_template', issues },
    );
  }
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('templates')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('tenant_id', '=', actor.tenantId)
        .where('key', '=', id.key)
        .where('channel', '=', id.channel)
        .where('language', '=', id.language)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const templateId = newId();
      await trx
        .insertInto('templates')
        .values({
          tenant_id: actor.tenantId,
          template_id: templateId,
          ...id,
          version,
          subject: id.channel === 'email' ? (input.subject ?? null) : null,
          body: input.body,
          created_by: actor.id,
          created_at: now,
        })
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'template.saved',
        entityKind: 'template',
        entityId: templateId,
        data: { ...id, version },
      });
      return { version, issues };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError(
        'conflict',
        'Someone saved this template at the same time; reload and try again.',
        {
          reason: 'concurrent_save',
        },
      );
    throw error;
  }
}

/** True when a strategy may name this key on this channel: shipped, or saved by the tenant in any language. */
export async function templateExists(
  deps: Deps,
  tenantId: string,
  key: string,
  channel: TemplateChannel,
): Promise<boolean> {
  return (
    (await resolveTemplate(deps.database.db, tenantId, key, channel, 'fr')) !== null ||
    (await resolveTemplate(deps.database.db, tenantId, key, channel, 'en')) !== null
  );
}
