export const SETTINGS_TABS = ['identity', 'creditors', 'email', 'sms', 'payments', 'rates'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export type SettingsSearch = { readonly tab?: SettingsTab };

/** The open section is kept in the address, so a reload (or a shared link) opens it again. */
export function validateSettingsSearch(search: Record<string, unknown>): SettingsSearch {
  const { tab } = search;
  return SETTINGS_TABS.some((known) => known === tab) ? { tab: tab as SettingsTab } : {};
}
