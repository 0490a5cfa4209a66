import type { ReasonMessages } from './types.ts';

/** Error messages of the dashboards (issue #7). */
export const kpisMessages: ReasonMessages = {
  dashboard_period_invalid: {
    fr: 'La période du tableau de bord va d’une date à une autre (AAAA-MM-JJ), sur 1 à 366 jours.',
    en: 'The dashboard’s period runs from one date to another (YYYY-MM-DD), over 1 to 366 days.',
  },
};
