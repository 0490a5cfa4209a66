import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { PortalCase } from './api.ts';
import { slotLabel } from './slots.ts';

/** What the debtor already agreed or asked: a date, a plan, disputes, a callback, payments received. */
export function Agreements({ view }: { readonly view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const { promise, plan, disputes, callback, payments } = view;
  if (!promise && !plan && disputes.length === 0 && !callback && payments.length === 0) return null;
  return (
    <Stack gap="sm" aria-live="polite">
      {payments.length > 0 && (
        <Alert color="teal" title={t('portal.payments.title')}>
          <List size="sm">
            {payments.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two payments may share an amount and a day
              <List.Item key={`${p.receivedOn}-${i}`}>
                {t('portal.payments.line', { amount: money(p.amountMinor), date: format.date(p.receivedOn) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {plan && (
        <Alert color="indigo" title={t('portal.plan.current')} data-testid="portal-plan">
          <List size="sm">
            {plan.instalments.map((i) => (
              <List.Item key={i.seq}>
                {t('portal.plan.line', {
                  seq: i.seq,
                  amount: money(i.amountMinor),
                  date: format.date(i.dueOn),
                })}{' '}
                — {t(`portal.plan.status.${i.status}`)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {promise && (
        <Alert color="indigo" title={t('portal.promise.current')}>
          <List size="sm">
            {promise.schedule.map((d) => (
              <List.Item key={d.dueOn}>
                {t('portal.promise.line', { amount: money(d.amountMinor), date: format.date(d.dueOn) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {disputes.length > 0 && (
        <Alert color="gray" title={t('portal.dispute.current')}>
          <List size="sm">
            {disputes.map((d) => (
              <List.Item key={d.id}>
                {t('portal.dispute.line', {
                  invoices: d.invoiceNumbers.join(', '),
                  reason: t(`portal.dispute.reasons.${d.reason}`, { defaultValue: d.reason }),
                  amount: money(d.amountMinor),
                  date: format.date(d.openedOn),
                })}
                {d.documentCount > 0 ? ` · ${t('portal.dispute.documents', { count: d.documentCount })}` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {callback && (
        <Text size="sm">{t('portal.callback.current', { at: slotLabel(callback.at, format.language) })}</Text>
      )}
    </Stack>
  );
}
