/** The types of `@socialgouv/jours-feries`, which ships none: each holiday's name and its day, at local midnight. */
declare module '@socialgouv/jours-feries' {
  const joursFeries: (year: number, options?: { alsace?: boolean }) => Record<string, Date>;
  export default joursFeries;
}
