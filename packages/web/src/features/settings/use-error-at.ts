import { useTranslation } from 'react-i18next';
import type { PlacedErrors } from './field-errors.ts';
import type { ClientErrors } from './party-values.ts';

/** The message beside a field: the browser's own check first, else the server's last refusal. */
export type ErrorAt<F extends string> = (field: F) => string | undefined;

export function useErrorAt<F extends string>(
  client: ClientErrors<F> | null,
  refused: PlacedErrors | null,
): ErrorAt<F> {
  const { t } = useTranslation();
  return (field) => {
    const code = client?.[field];
    if (code) return t(`settings.invalid.${code}`);
    return refused?.byField[field];
  };
}
