import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client.ts';
import { i18next } from './i18n/i18n.ts';
import { SESSION_KEY } from './session.ts';

/** The sentence to show a person for a failed request, in the UI language. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return i18next.t('errors.network');
    if (error.message) return error.message;
  }
  return i18next.t('errors.unknown');
}

export function notifyError(error: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18next.t('errors.title'),
    message: errorMessage(error),
    autoClose: 8000,
  });
}

type OnSessionLost = () => void;
let onSessionLost: OnSessionLost = () => {};

/** The router registers how to go back to the sign-in page when the session expires. */
export function setSessionLostHandler(handler: OnSessionLost): void {
  onSessionLost = handler;
}

function handleError(error: unknown, silent: boolean): void {
  if (isApiError(error) && error.status === 401) {
    queryClient.setQueryData(SESSION_KEY, null);
    onSessionLost();
    return;
  }
  if (!silent) notifyError(error);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => handleError(error, query.queryKey[0] === SESSION_KEY[0]),
  }),
  mutationCache: new MutationCache({
    // Mutations that show their own message set meta.silent.
    onError: (error, _variables, _context, mutation) => handleError(error, mutation.meta?.silent === true),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});

// API messages follow Accept-Language: fetch them again in the new language.
i18next.on('languageChanged', () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
});
