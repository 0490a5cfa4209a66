import {
  type ExplainedEvent,
  explainPrescription,
  formatDate,
  type PrescriptionExplanation,
  prescriptionBasis,
} from '@relance/core';
import type { Cli } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import { choiceOption } from '../options.ts';
import { dateOption, eventOption, requiredOption } from './calc-options.ts';

export type PrescriptionOptions = {
  readonly debtor?: string;
  readonly from?: string;
  readonly event?: readonly string[];
};

const debtorChoices = ['b2b', 'b2c'] as const;

/** The creditor is a professional (the platform collects for businesses): 5 years in B2B, 2 against a consumer. */
export function calcPrescription(cli: Cli, options: PrescriptionOptions): ExitCode {
  const debtor = choiceOption(
    cli,
    '--debtor',
    requiredOption(cli, '--debtor', options.debtor),
    debtorChoices,
    'b2b',
  );
  const start = dateOption(cli, '--from', requiredOption(cli, '--from', options.from));
  const events = (options.event ?? []).map((e) => eventOption(cli, e));
  const basis = prescriptionBasis({
    creditorIsProfessional: true,
    debtorKind: debtor === 'b2c' ? 'consumer' : 'business',
  });
  const explanation = explainPrescription({ start, basis, events });
  cli.document(prescriptionDocument(cli, debtor, explanation));
  printPrescription(cli, explanation);
  return exitCodes.ok;
}

function effectText(cli: Cli, e: ExplainedEvent): string {
  const effects = cli.msg.calc.effects;
  switch (e.reason) {
    case 'new_period':
      return effects.new_period(formatDate(e.periodEnd ?? '', cli.lang));
    case 'suspended':
      return effects.suspended(cli.count(e.daysAdded ?? 0));
    default:
      return effects[e.reason]();
  }
}

function prescriptionDocument(cli: Cli, debtor: string, p: PrescriptionExplanation) {
  return {
    debtor,
    ...p,
    events: p.events.map((e) => ({
      ...e.event,
      effect: e.effect,
      reason: e.reason,
      reference: e.reference,
      ...(e.periodEnd === undefined ? {} : { periodEnd: e.periodEnd }),
      ...(e.daysAdded === undefined ? {} : { daysAdded: e.daysAdded }),
      explanation: effectText(cli, e),
    })),
    notes: p.mediationMinimumNotApplied
      ? [{ code: 'mediation_minimum_not_applied', message: cli.msg.calc.mediationMinimum }]
      : [],
  };
}

function printPrescription(cli: Cli, p: PrescriptionExplanation): void {
  const { calc } = cli.msg;
  const date = (d: string) => formatDate(d, cli.lang);
  cli.line(calc.prescriptionTitle(calc.prescriptionBases[p.basis], p.years, p.reference));
  cli.line(calc.start(date(p.start)));
  cli.line(calc.lastDay(date(p.lastDay)));
  cli.line(calc.timeBarredFrom(date(p.timeBarredFrom)));
  cli.line(calc.events);
  if (p.events.length === 0) cli.line(calc.noEvent);
  for (const e of p.events) {
    const when =
      e.event.kind === 'mediation' ? `${date(e.event.from)}..${date(e.event.to)}` : date(e.event.date);
    cli.line(calc.eventLine(when, calc.eventKinds[e.event.kind], `${effectText(cli, e)} [${e.reference}]`));
  }
  if (p.mediationMinimumNotApplied) cli.line(`! ${calc.mediationMinimum}`);
}
