// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client';
import { fieldErrorsOf, formErrorMessage } from './form-errors';

const validation = (fields: unknown) =>
  new ApiError({
    status: 400,
    code: 'validation_failed',
    message: 'validation failed',
    details: { fields },
  });

describe('fieldErrorsOf', () => {
  it('reads details.fields as one sentence per field', () => {
    expect(
      fieldErrorsOf(
        validation({
          email: 'must be a valid email',
          password: ['is too short', 'is too guessable'],
          bio: { message: 'is too long' },
          ignored: 42,
        }),
      ),
    ).toEqual({
      email: 'Must be a valid email',
      password: 'Is too short is too guessable',
      bio: 'Is too long',
    });
  });

  it('is empty for other errors', () => {
    expect(fieldErrorsOf(new NetworkError('down'))).toEqual({});
    expect(fieldErrorsOf(new ApiError({ status: 404, code: 'not_found', message: 'x' }))).toEqual(
      {},
    );
    expect(fieldErrorsOf(validation('not an object'))).toEqual({});
  });
});

describe('formErrorMessage', () => {
  it('says nothing when every field error is shown beside its field', () => {
    expect(formErrorMessage(validation({ email: 'taken' }), ['email'])).toBeNull();
  });

  it('names field errors the form has no field for', () => {
    expect(formErrorMessage(validation({ token: 'has expired' }), ['password'])).toBe(
      'Validation failed · token: Has expired',
    );
  });

  it('explains network trouble, rate limits and server errors', () => {
    expect(formErrorMessage(new NetworkError('down'))).toMatch(/Cannot reach the server/);
    expect(
      formErrorMessage(
        new ApiError({ status: 429, code: 'rate_limited', message: 'x', retryAfterSeconds: 1 }),
      ),
    ).toBe('Too many attempts. Try again in 1 second.');
    expect(
      formErrorMessage(
        new ApiError({ status: 429, code: 'rate_limited', message: 'x', retryAfterSeconds: 600 }),
      ),
    ).toBe('Too many attempts. Try again in 10 minutes.');
    expect(
      formErrorMessage(
        new ApiError({ status: 503, code: 'unavailable', message: 'db: connection refused' }),
      ),
    ).toBe('The server had a problem. Please try again in a moment.');
  });

  it('passes other API messages through, capitalised', () => {
    expect(
      formErrorMessage(
        new ApiError({ status: 403, code: 'forbidden', message: 'account disabled' }),
      ),
    ).toBe('Account disabled');
  });
});
