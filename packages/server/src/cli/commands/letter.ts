import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DomainError } from '@relance/core';
import type { Command } from 'commander';
import type { LetterKind } from '../../channels/letters/letter-model.ts';
import { previewLetter } from '../../use-cases/letters/preview-letter.ts';
import { cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';
import { choiceOption } from '../options.ts';
import { letterWords } from './letter-words.ts';

type Options = { readonly kind?: string; readonly out: string; readonly tenant?: string };

const kinds: Readonly<Record<string, LetterKind>> = {
  reminder: 'letter',
  registered: 'registered_letter',
  'formal-notice': 'formal_notice',
};

/** `relance letter <case> --kind reminder|registered|formal-notice [--lang fr|en] --out <file.pdf>`: a preview. */
export function registerLetter(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const words = letterWords(lang);
  program
    .command('letter')
    .description(words.help.letter)
    .argument('<case>', words.help.case)
    .option('--kind <kind>', words.help.kind, 'reminder')
    .requiredOption('--out <file.pdf>', words.help.out)
    .option('--tenant <id>', msg.help.tenant)
    .action((caseOrDebtor: string, options: Options, command: Command) =>
      run(command, async (cli) => {
        const language = command.optsWithGlobals<{ lang?: string }>().lang ? cli.lang : undefined;
        const kind =
          kinds[choiceOption(cli, 'kind', options.kind, Object.keys(kinds), 'reminder')] ?? 'letter';
        return withComposition(cli, {}, async ({ deps }): Promise<ExitCode> => {
          const tenant = await resolveTenant(cli, deps, options.tenant);
          const preview = await previewLetter(deps, cliActor(tenant.id), {
            caseOrDebtor,
            kind,
            ...(language ? { language } : {}),
          }).catch((error: unknown) => {
            if (error instanceof DomainError && error.code === 'not_found')
              throw new CliError('failure', letterWords(cli.lang).noCase(caseOrDebtor), {
                reason: 'case_not_found',
              });
            throw error;
          });
          const out = resolve(options.out);
          await writeFile(out, preview.pdf);
          const w = letterWords(cli.lang);
          cli.document({
            file: out,
            caseId: preview.caseId,
            kind,
            language: preview.language,
            bytes: preview.pdf.byteLength,
          });
          cli.line(w.written(out, w.kinds[kind], preview.language, cli.count(preview.pdf.byteLength)));
          return exitCodes.ok;
        });
      }),
    );
}
