import { describe, expect, it } from 'vitest';
import { errorText } from '#web/src/components/ui/error-alert.tsx';
import { ApiError } from '#web/src/lib/api-client.ts';
import { i18n } from '#web/src/lib/i18n.ts';
import { fr } from '#web/src/locales/fr.ts';

const french = i18n.getFixedT('fr', 'common');
const english = i18n.getFixedT('en', 'common');

const problem = (status: number, title: string) =>
  new ApiError(status, { type: 'about:blank', title, status, detail: 'This customer was not found.' });

describe('errors as the user reads them', () => {
  it("says what the API's refusal means in French, not the API's English", () => {
    expect(errorText(french, problem(404, 'Not found'))).toEqual({
      title: 'Introuvable',
      detail: "Cet élément n'existe pas ou n'est pas dans votre périmètre.",
    });
    expect(errorText(french, problem(409, 'Conflict')).title).toBe('Modifié entre-temps');
  });

  it('speaks English on request', () => {
    expect(errorText(english, problem(403, 'Forbidden')).title).toBe('Not allowed');
  });

  it('tells a network failure and an unexpected answer apart', () => {
    expect(errorText(french, new ApiError(0)).detail).toBe(fr.errors.network);
    expect(errorText(french, problem(500, 'Internal error')).detail).toBe(fr.errors.generic);
  });
});
