import { Fieldset, Grid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormValues, PartyField } from './party-values.ts';
import type { ErrorAt } from './use-error-at.ts';

type PartyFieldsProps = {
  readonly values: FormValues<PartyField>;
  readonly onChange: (field: PartyField, value: string) => void;
  readonly errorAt: ErrorAt<PartyField>;
};

/** The address, contact and bank fields a letterhead shares (the tenant's and each creditor's). */
export function PartyFields({ values, onChange, errorAt }: PartyFieldsProps) {
  const { t } = useTranslation();
  const input = (field: PartyField, label: string, extra: { readonly placeholder?: string } = {}) => (
    <TextInput
      label={label}
      value={values[field]}
      onChange={(event) => onChange(field, event.currentTarget.value)}
      error={errorAt(field)}
      data-field={field}
      {...extra}
    />
  );
  return (
    <>
      <Fieldset legend={t('settings.party.address')}>
        <Grid gap="sm">
          <Grid.Col span={12}>{input('address.lines.0', t('settings.party.line', { n: 1 }))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {input('address.lines.1', t('settings.party.line', { n: 2 }))}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {input('address.lines.2', t('settings.party.line', { n: 3 }))}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            {input('address.postalCode', t('settings.party.postalCode'))}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{input('address.city', t('settings.party.city'))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            {input('address.country', t('settings.party.country'), { placeholder: 'FR' })}
          </Grid.Col>
        </Grid>
      </Fieldset>
      <Fieldset legend={t('settings.party.contact')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>{input('email', t('settings.party.email'))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{input('phone', t('settings.party.phone'))}</Grid.Col>
          <Grid.Col span={12}>
            {input('registration', t('settings.party.registration'), {
              placeholder: t('settings.party.registrationHint'),
            })}
          </Grid.Col>
        </Grid>
      </Fieldset>
      <Fieldset legend={t('settings.party.bank')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>{input('iban', t('settings.party.iban'))}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>{input('bic', t('settings.party.bic'))}</Grid.Col>
        </Grid>
      </Fieldset>
    </>
  );
}
