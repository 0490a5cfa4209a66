import type { TFunction } from 'i18next';
import type { Step } from './definition.ts';

/** When a step falls due, as a person says it: "5 jours avant l'échéance", "7 jours après l'étape précédente". */
export function timingText(at: Step['at'], t: TFunction): string {
  const { after, days } = at;
  if (after === 'previous_step') {
    return days === 0
      ? t('editor.steps.timing.withPrevious')
      : t('editor.steps.timing.afterPrevious', { count: days });
  }
  if (days === 0) return t('editor.steps.timing.onDueDate');
  return days < 0
    ? t('editor.steps.timing.beforeDue', { count: -days })
    : t('editor.steps.timing.afterDue', { count: days });
}
