/** Which next steps of a meeting report open a follow-up task, by hand. */
import { describe, expect, it } from 'vitest';
import { nextStepsToOpen } from '#functions/sales/meetings/report-rules.ts';

const send = { title: 'Envoyer l’offre de crédit', dueOn: '2026-12-08' };
const call = { title: 'Rappeler après le salon', dueOn: '2027-01-20' };

describe('the next steps that open a task', () => {
  it('are all of a first version’s, a step written twice once', () => {
    expect(nextStepsToOpen([send, call, { ...send, dueOn: '2026-12-09' }])).toEqual([send, call]);
  });

  it('are only those of a correction the corrected version did not have, whatever the case or spaces', () => {
    const simulate = { title: 'Simuler un LDDS', dueOn: '2026-12-15' };
    const retyped = { title: '  envoyer L’OFFRE de crédit ', dueOn: '2026-12-10' };
    expect(nextStepsToOpen([retyped, call, simulate], [send, call])).toEqual([simulate]);
  });
});
