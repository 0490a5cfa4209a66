import { assertNever, DomainError } from '@relance/core';
import type { IvrScreen } from '../../../channels/voice/ivr/ivr-screens.ts';
import { readIvrSettings } from '../../../channels/voice/ivr/ivr-settings.ts';
import { type IvrStep, renderIvrScreen } from '../../../channels/voice/ivr/ivr-twiml.ts';
import {
  type FormFields,
  field,
  verifyIvrSignature,
} from '../../../channels/voice/ivr/verify-ivr-signature.ts';
import type { Locale } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { agreePlanByPhone, choosePlan } from './agree-plan-by-phone.ts';
import { answerCall } from './answer-call.ts';
import { chooseAmount } from './choose-amount.ts';
import { chooseOption } from './choose-option.ts';
import { endCall } from './end-call.ts';
import { identifyCaller } from './identify-caller.ts';
import type { IvrCall } from './ivr-context.ts';
import { recordPayProgress, safeToken } from './record-pay-progress.ts';
import { recordPayResult } from './record-pay-result.ts';
import { afterPayFailure } from './request-callback-by-phone.ts';

/** One request to the tenant's IVR, as received: the step, the URL's state, the form, the signature. */
export type IvrRequest = {
  readonly tenantId: string;
  readonly step: IvrStep;
  readonly query: {
    readonly lang?: Locale | undefined;
    readonly try?: number | undefined;
    readonly count?: number | undefined;
    readonly transfer?: string | undefined;
  };
  readonly fields: FormFields;
  /** The URL as the caller (Twilio, or the simulator) signed it. */
  readonly url: string;
  readonly signature: string | undefined;
  /** The tenant's IVR address, where the TwiML's actions point. */
  readonly base: string;
};

/**
 * Every IVR webhook goes through here: the signature first (refused with nothing recorded), then the step's
 * use case, whose screen is rendered as TwiML. The state between steps is the call's attempt (found by the
 * call's SID) and the signed URL's `lang`, `try` and `count`.
 */
export async function handleIvrStep(deps: Deps, request: IvrRequest): Promise<string> {
  const db = deps.database.db;
  await verifyIvrSignature(db, request.tenantId, {
    signature: request.signature,
    url: request.url,
    fields: request.fields,
  });
  const callSid = field(request.fields, 'CallSid');
  if (!callSid) {
    throw new DomainError('invalid_input', 'An IVR request carries the call’s CallSid.', {
      reason: 'ivr_call_sid_missing',
    });
  }
  const settings = await readIvrSettings(db, request.tenantId);
  const call: IvrCall = {
    tenantId: request.tenantId,
    callSid,
    from: field(request.fields, 'From') ?? null,
    language:
      request.query.lang && settings.languages.includes(request.query.lang) ? request.query.lang : null,
    attempt: request.query.try ?? 1,
    settings,
  };
  const screen = await runStep(deps, call, request);
  return renderIvrScreen(screen, request.base);
}

async function runStep(deps: Deps, call: IvrCall, request: IvrRequest): Promise<IvrScreen> {
  const digits = field(request.fields, 'Digits') ?? '';
  const text = (name: string) => {
    const value = field(request.fields, name)?.trim();
    return value ? value.slice(0, 200) : null;
  };
  switch (request.step) {
    case 'voice':
      return answerCall(deps, call, request.query.transfer ?? null);
    case 'reference':
      return identifyCaller(deps, call, digits);
    case 'menu':
      return chooseOption(deps, call, digits);
    case 'amount':
      return chooseAmount(deps, call, digits);
    case 'plan':
      return choosePlan(deps, call, digits);
    case 'plan-confirm':
      return agreePlanByPhone(deps, call, request.query.count ?? 0, digits);
    case 'pay-result':
      return recordPayResult(deps, call, {
        result: text('Result') ?? 'unknown',
        confirmationCode: text('PaymentConfirmationCode'),
        paymentError: text('PaymentError') ?? text('ConnectorError'),
      });
    case 'pay-status':
      await recordPayProgress(deps, call, {
        capture: safeToken(field(request.fields, 'Capture')) ?? safeToken(field(request.fields, 'For')),
        errorType: safeToken(field(request.fields, 'ErrorType')),
      });
      return { kind: 'none' };
    case 'after-failure':
      return afterPayFailure(deps, call, digits);
    case 'status': {
      const duration = Number(field(request.fields, 'CallDuration'));
      await endCall(deps, call, text('CallStatus') ?? '', Number.isFinite(duration) ? duration : null);
      return { kind: 'none' };
    }
    default:
      return assertNever(request.step);
  }
}
