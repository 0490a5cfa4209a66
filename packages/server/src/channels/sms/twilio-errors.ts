/** The meaning of the Twilio error codes a debt collector meets most (https://www.twilio.com/docs/api/errors). */
const MEANINGS: Readonly<Record<number, string>> = {
  20003: 'authentication failed: check the account SID and auth token',
  20429: 'too many requests',
  21211: 'invalid "To" phone number',
  21214: '"To" phone number cannot be reached',
  21408: 'permission to send an SMS has not been enabled for the region',
  21610: 'the recipient replied STOP: unsubscribed',
  21612: 'the "To" number is not reachable via SMS from this sender',
  21614: '"To" number is not a valid mobile number',
  21606: 'the "From" number is not a valid SMS-capable number of this account',
  30003: 'unreachable destination handset',
  30004: 'message blocked',
  30005: 'unknown destination handset',
  30006: 'landline or unreachable carrier',
  30007: 'message filtered by the carrier',
  30008: 'unknown error',
  30034: 'message from an unregistered number',
};

export function twilioErrorMeaning(code: number | string): string | null {
  return MEANINGS[Number(code)] ?? null;
}
