import { NumberInput, type NumberInputProps, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { normaliseAmount } from './step-list.ts';

type IntegerFieldProps = Omit<NumberInputProps, 'value' | 'onChange'> & {
  readonly value: number;
  readonly onChange: (value: number) => void;
};

/**
 * A whole number: what is being typed ("", "-") stays in the field, and only numbers reach the
 * strategy. A value changed from elsewhere (a version loaded into the editor) replaces the text.
 */
export function IntegerField({ value, onChange, ...props }: IntegerFieldProps) {
  const [text, setText] = useState<number | string>(value);
  useEffect(() => {
    setText((current) => (current === value ? current : value));
  }, [value]);
  return (
    <NumberInput
      {...props}
      allowDecimal={false}
      value={text}
      onChange={(next) => {
        setText(next);
        if (typeof next === 'number' && Number.isInteger(next)) onChange(next);
      }}
    />
  );
}

type AmountFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
};

/** A decimal amount typed the French or English way ("1 500,50"); the strategy receives "1500.50". */
export function AmountField({ value, onChange, ...props }: AmountFieldProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => {
    setText((current) => (normaliseAmount(current) === value ? current : (value ?? '')));
  }, [value]);
  return (
    <TextInput
      {...props}
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onChange(normaliseAmount(next));
      }}
    />
  );
}

/** Keys and template names are typed in a fixed-width font; labels and messages keep the UI's. */
export const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
