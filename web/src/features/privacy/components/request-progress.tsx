/**
 * A request's state, and while its job runs, the step it is at in words (« Fichier client, étape
 * 1 sur 3 ») with a progress bar: the same in the list and in a request's panel.
 */
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { usePrivacyTranslation } from '../i18n.ts';
import { fr } from '../locales/fr.ts';

type Step = keyof typeof fr.steps;

/** The step as the messages know it, or undefined for one they do not name. */
const knownStep = (step: string | undefined): Step | undefined =>
  step !== undefined && Object.hasOwn(fr.steps, step) ? (step as Step) : undefined;

/** The running step in words (`progress.done` steps are done: the one running comes next). */
export const useStepText = () => {
  const { t } = usePrivacyTranslation();
  return ({ progress }: PrivacyRequest): string => {
    const step = knownStep(progress.step);
    return step
      ? t('list.stepOf', {
          step: t(`steps.${step}`),
          index: Math.min(progress.done + 1, progress.total),
          total: progress.total,
        })
      : t('list.progress', { done: progress.done, total: progress.total });
  };
};

export const RequestProgress = ({ request }: { request: PrivacyRequest }) => {
  const { t } = usePrivacyTranslation();
  const stepText = useStepText();
  if (request.state !== 'inProgress') return <>{t(`states.${request.state}`)}</>;
  const text = stepText(request);
  return (
    <>
      {t('states.inProgress')}{' '}
      <progress max={request.progress.total} value={request.progress.done} aria-hidden="true" />
      <span className="privacy-step">{text}</span>
    </>
  );
};
