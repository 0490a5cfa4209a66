import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../app/query-client.ts';
import { type PlacedErrors, serverFieldErrors } from './field-errors.ts';

type SaveOptions<Input, Answer> = {
  readonly save: (input: Input) => Promise<Answer>;
  /** The fields the form shows, by their path in the server's answer. */
  readonly fields: readonly string[];
  readonly onSaved: (answer: Answer) => void;
};

export type SaveState<Input> = {
  readonly submit: (input: Input) => void;
  readonly saving: boolean;
  readonly saved: boolean;
  /** The server's refusal, field by field; null unless the last save was refused so. */
  readonly refused: PlacedErrors | null;
  /** Forget the last verdict (on an edit: it no longer describes the form). */
  readonly reset: () => void;
};

/** Saving a settings form: a refusal with field errors is shown beside the fields, any other failure as usual. */
export function useSave<Input, Answer>({
  save,
  fields,
  onSaved,
}: SaveOptions<Input, Answer>): SaveState<Input> {
  const { t } = useTranslation();
  const missing = t('settings.invalid.required');
  const mutation = useMutation({
    mutationFn: save,
    meta: { silent: true },
    onError: (error) => {
      if (!serverFieldErrors(error, new Set(fields), missing)) notifyError(error);
    },
    onSuccess: onSaved,
  });
  return {
    submit: (input) => mutation.mutate(input),
    saving: mutation.isPending,
    saved: mutation.isSuccess,
    refused: mutation.error ? serverFieldErrors(mutation.error, new Set(fields), missing) : null,
    reset: mutation.reset,
  };
}
