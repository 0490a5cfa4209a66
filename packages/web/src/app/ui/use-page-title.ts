import { useDocumentTitle } from '@mantine/hooks';

/** "Portefeuille · Relance" in the browser tab and history. */
export function usePageTitle(title: string | undefined): void {
  useDocumentTitle(title ? `${title} · Relance` : 'Relance');
}
