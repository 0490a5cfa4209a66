import type { Locale, Role, TenantKind } from '../db/schema.ts';
import type { Cli } from './context.ts';
import { CliError } from './errors.ts';

/** Option values checked here, with messages in the reader's language (commander's are English only). */

export function integerOption(
  cli: Cli,
  option: string,
  value: string | undefined,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[\s_]/g, ''));
  if (!Number.isSafeInteger(n) || n < min) {
    throw new CliError('usage', cli.msg.errors.invalidInteger(option, value), { option, value });
  }
  return n;
}

export function choiceOption<T extends string>(
  cli: Cli,
  option: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const found = choices.find((c) => c === value.trim().toLowerCase());
  if (found === undefined) {
    throw new CliError('usage', cli.msg.errors.invalidChoice(option, value, choices.join(', ')), {
      option,
      value,
      choices,
    });
  }
  return found;
}

export const roleChoices: readonly Role[] = ['admin', 'supervisor', 'agent', 'client'];
export const localeChoices: readonly Locale[] = ['fr', 'en'];
export const tenantKindChoices: readonly TenantKind[] = ['creditor', 'agency'];
