export type SignInSearch = { readonly redirect?: string };

/** Only same-origin paths are followed after signing in (no open redirect). */
export function validateSignInSearch(search: Record<string, unknown>): SignInSearch {
  const { redirect } = search;
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//')) return {};
  if (redirect.startsWith('/sign-in')) return {};
  return { redirect };
}
