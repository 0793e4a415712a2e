/**
 * The branch directory's part of the platform in the privacy registry: branches and staff (the
 * names advisors are assigned by), and the sandbox's seed marker.
 */
import { type DataHolding, withoutPersonalData } from '#shared/privacy/registry.ts';

export const directoryHoldings: readonly DataHolding[] = [
  withoutPersonalData(
    { kind: 'item', table: 'main', itemType: 'branch' },
    { en: 'a branch: name, address', fr: 'une agence : nom, adresse' },
    'staffDirectory',
    'while the branch exists',
  ),
  {
    where: { kind: 'item', table: 'main', itemType: 'staff' },
    holds: { en: 'a member of staff: name, role, branch', fr: 'un collaborateur : nom, fonction, agence' },
    activities: ['staffDirectory'],
    categories: ['work'],
    subjects: ['staff'],
    retention: {
      keep: 'while employed',
      from: 'endOfRelationship',
      rule: 'removed by the HR import when they leave',
      enforcement: 'pending',
    },
    access: {
      export: 'excluded',
      why: {
        en: 'staff data: their own requests go to HR',
        fr: 'des données du personnel : leurs propres demandes relèvent des ressources humaines',
      },
    },
    erasure: {
      erase: 'never',
      why: {
        en: 'a customer’s erasure does not touch staff',
        fr: 'l’effacement d’un client ne touche pas au personnel',
      },
    },
  },
  withoutPersonalData(
    { kind: 'item', table: 'main', itemType: 'seedMarker' },
    {
      en: 'the mark the sandbox’s demo seed leaves when the demo bank is complete',
      fr: 'la marque que laisse le jeu de démonstration du bac à sable une fois la banque de démonstration complète',
    },
    'staffDirectory',
    'while the directory exists',
  ),
];
