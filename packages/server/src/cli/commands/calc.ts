import type { Command } from 'commander';
import type { RunCommand } from '../context.ts';
import type { Messages } from '../i18n.ts';
import { calcInterest, type InterestOptions } from './calc-interest.ts';
import { collect } from './calc-options.ts';
import { calcPrescription, type PrescriptionOptions } from './calc-prescription.ts';

/**
 * `relance calc interest|prescription`: the core's calculators on the command line. Pure computations:
 * no database is opened, so they run anywhere, before `relance init`.
 */
export function registerCalc(program: Command, msg: Messages, run: RunCommand): void {
  const help = msg.calc.help;
  const calc = program.command('calc').description(help.calc);
  calc
    .command('interest')
    .description(help.interest)
    .option('--regime <fr-b2b|fr-legal|eu|uk>', help.regime)
    .option('--principal <amount>', help.principal)
    .option('--currency <code>', help.currency)
    .option('--from <date>', help.from)
    .option('--to <date>', help.to)
    .option('--creditor <individual|professional>', help.creditor)
    .option('--contract-rate <percent>', help.contractRate)
    .option('--judgment-enforceable <date>', help.judgmentEnforceable)
    .option('--payment <date=amount>', help.payment, collect)
    .option('--debtor <business|consumer>', help.debtor)
    .action((options: InterestOptions, command: Command) =>
      run(command, async (cli) => calcInterest(cli, options)),
    );
  calc
    .command('prescription')
    .description(help.prescription)
    .option('--debtor <b2b|b2c>', help.prescriptionDebtor)
    .option('--from <date>', help.prescriptionFrom)
    .option('--event <kind=date>', help.event, collect)
    .action((options: PrescriptionOptions, command: Command) =>
      run(command, async (cli) => calcPrescription(cli, options)),
    );
}
