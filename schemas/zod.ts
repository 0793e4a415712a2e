/**
 * The zod every schema and function imports: `zod/mini`, whose functional API lets the bundler
 * keep only what a function uses (classic `zod` loads every method of every type at init), with
 * the English messages classic `zod` installs by itself — the field errors users read.
 * Classic zod's memoizer (cycle support) is left out: no schema here parses cyclic data, and JSON
 * bodies and stored items cannot be cyclic.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
