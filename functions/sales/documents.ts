/**
 * The sales context's documents over HTTP: the quote as a PDF. Its own function, so the PDF
 * library loads for these routes only (`salesDocuments` in `infra/declaration/functions.ts`).
 */
import { salesDocumentRoutes } from '#schemas/sales/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { printQuote } from './quotes/print-quote.ts';

export const handler = httpApi(salesDocumentRoutes, { printQuote });
