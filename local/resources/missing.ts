export const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');
export const isMissing = (error: unknown, ...names: string[]) => names.includes(errorName(error));
