import type { Env } from '../config.ts';
import { en } from './messages-en.ts';
import { fr, type Messages } from './messages-fr.ts';

export type Lang = 'fr' | 'en';

/**
 * The language of everything the CLI prints, help included:
 * 1. `--lang fr|en` on the command line;
 * 2. else RELANCE_LANG, then the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG): 'fr…' → French,
 *    'en…' → English, any other language → English (more widely read than French);
 * 3. else, with no locale or the C/POSIX locale (servers, containers), French, the product's language.
 * The flag is read before commander builds the commands, so that `--help` is translated too.
 */
export function detectLang(argv: readonly string[], env: Env): Lang {
  const flag = langFlag(argv);
  if (flag !== undefined) return parseLang(flag) ?? 'fr';
  const setting = [env.RELANCE_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (v) => v !== undefined && v !== '',
  );
  if (setting === undefined) return 'fr';
  const lower = setting.toLowerCase();
  if (lower.startsWith('fr')) return 'fr';
  if (lower === 'c' || lower.startsWith('c.') || lower === 'posix') return 'fr';
  return 'en';
}

/** 'fr' | 'en' from what a person typed ('FR', 'fr_FR', 'english'…), or undefined. */
export function parseLang(value: string): Lang | undefined {
  const lower = value.trim().toLowerCase();
  if (lower.startsWith('fr')) return 'fr';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

function langFlag(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'fr' ? fr : en;
}

export type { Messages };
