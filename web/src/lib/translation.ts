/**
 * The shape of a translation. The French messages are the source (`as const`, so that i18next
 * types each message's `{{variables}}`); English has the same keys with its own texts, as
 * `tests/unit/web/locales.test.ts` checks at run time too.
 */

/**
 * Plural forms French has and English does not: i18next picks the form with Intl.PluralRules,
 * which answers `many` in French for a round million (« 1 000 000 de résultats »), never in
 * English, whose forms are `one` and `other` (`zero`, when a message has it, is for any language).
 */
type FrenchOnlyPluralForm = `${string}_many`;

/** The English translation of French messages `Source`: the same keys, any text. */
export type Translation<Source> = {
  -readonly [Key in keyof Source as Key extends FrenchOnlyPluralForm
    ? never
    : Key]: Source[Key] extends string ? string : Translation<Source[Key]>;
};
