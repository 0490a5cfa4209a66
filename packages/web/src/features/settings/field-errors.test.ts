import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/api-error.ts';
import { serverFieldErrors } from './field-errors.ts';

const fields = new Set(['legalName', 'iban', 'address.lines.0', 'address.city', 'port', 'accountSid']);

describe('serverFieldErrors', () => {
  it('places each issue on its field, or on the closest field that encloses it', () => {
    const error = new ApiError(400, 'invalid_input', 'Invalid', {
      issues: [
        { path: 'iban', message: 'IBAN invalide' },
        { path: 'address.lines.0.x', message: 'too long' },
        { path: 'signatory', message: 'not shown' },
      ],
    });
    expect(serverFieldErrors(error, fields, 'required')).toEqual({
      byField: { iban: 'IBAN invalide', 'address.lines.0': 'too long' },
      other: ['not shown'],
    });
  });

  it('reads the request check’s paths without their `body.` prefix', () => {
    const error = new ApiError(400, 'invalid_input', 'Invalid', {
      issues: [{ path: 'body.port', code: 'too_big', message: 'Too big' }],
    });
    expect(serverFieldErrors(error, fields, 'required')?.byField).toEqual({ port: 'Too big' });
  });

  it('reads `details.field` with the answer’s message and `details.fields` as missing fields', () => {
    const one = new ApiError(400, 'invalid_input', '"x" is not an e-mail address.', { field: 'legalName' });
    expect(serverFieldErrors(one, fields, 'required')?.byField).toEqual({
      legalName: '"x" is not an e-mail address.',
    });
    const missing = new ApiError(400, 'invalid_input', 'Twilio needs…', { fields: ['accountSid'] });
    expect(serverFieldErrors(missing, fields, 'required')?.byField).toEqual({ accountSid: 'required' });
  });

  it('is null for anything but a 400 with field details', () => {
    expect(serverFieldErrors(new ApiError(403, 'forbidden', 'No'), fields, 'r')).toBeNull();
    expect(serverFieldErrors(new ApiError(400, 'invalid_input', 'No'), fields, 'r')).toBeNull();
    expect(serverFieldErrors(new Error('boom'), fields, 'r')).toBeNull();
  });
});
