import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/api-error.ts';
import { decisionRefusal, queueCount } from './decision.ts';

describe('decisionRefusal', () => {
  it.each([
    [new ApiError(409, 'conflict', 'This action is planned, not waiting for review.'), 'already_decided'],
    [new ApiError(403, 'forbidden', 'Forbidden'), 'not_allowed'],
    [new ApiError(404, 'not_found', 'Action not found.'), 'gone'],
    [new ApiError(500, 'internal', 'Boom'), null],
    [new ApiError(0, 'network_error', ''), null],
    [new Error('not from the API'), null],
    [undefined, null],
  ])('%o → %s', (error, refusal) => {
    expect(decisionRefusal(error)).toBe(refusal);
  });
});

describe('queueCount', () => {
  it.each([
    [0, 200, { count: 0, more: false }],
    [12, 200, { count: 12, more: false }],
    [199, 200, { count: 199, more: false }],
    [200, 200, { count: 200, more: true }],
  ])('%i of at most %i', (length, limit, expected) => {
    expect(queueCount(length, limit)).toEqual(expected);
  });
});
