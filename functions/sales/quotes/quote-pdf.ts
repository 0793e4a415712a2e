/**
 * A quote as the PDF the customer takes home (pdf-lib, the standard Helvetica: nothing to embed),
 * in French or English: who offers what to whom, the terms with the TAEG in bold, the usury check,
 * the legal mention of the credit's kind, then the amortisation schedule over as many pages as it
 * takes, each numbered « Page k / n ». The same quote gives the same bytes: the document's dates
 * are the quote's, not the printing's.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Quote } from '#schemas/sales/quote.ts';
import type { ScheduleLine } from '../simulator/loan-maths.ts';

type Lang = 'fr' | 'en';

const wording = {
  fr: {
    title: 'Offre de prêt',
    number: (n: number) => `Proposition n° ${n}`,
    customer: 'Client',
    branch: 'Agence',
    advisor: 'Conseiller',
    issued: 'Émise le',
    validUntil: 'Valable jusqu’au',
    product: 'Produit',
    project: 'Montant du projet',
    downPayment: 'Apport',
    principal: 'Montant emprunté',
    duration: 'Durée',
    months: (n: number) => `${n} mois`,
    rate: 'Taux débiteur fixe',
    monthly: 'Mensualité hors assurance',
    insurance: 'Assurance emprunteur (par mois)',
    fees: 'Frais de dossier',
    interest: 'Total des intérêts',
    totalInsurance: 'Total de l’assurance',
    cost: 'Coût total du crédit',
    due: 'Montant total dû',
    taeg: 'Taux annuel effectif global (TAEG)',
    usuryWithin: (ceiling: string) => `Inférieur au taux d’usure en vigueur (${ceiling}).`,
    usuryUnknown: 'Taux d’usure du trimestre non encore publié dans l’outil : à vérifier avant signature.',
    consumerMention:
      'Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.',
    mortgageMention:
      'L’emprunteur ne peut accepter l’offre de prêt immobilier que dix jours après l’avoir reçue.',
    notContractual: 'Document non contractuel, remis à titre d’information.',
    schedule: 'Tableau d’amortissement',
    columns: ['Mois', 'Échéance', 'Intérêts', 'Capital', 'Assurance', 'Capital restant dû'],
    page: (k: number, n: number) => `Page ${k} / ${n}`,
  },
  en: {
    title: 'Loan offer',
    number: (n: number) => `Proposal no. ${n}`,
    customer: 'Customer',
    branch: 'Branch',
    advisor: 'Advisor',
    issued: 'Issued on',
    validUntil: 'Valid until',
    product: 'Product',
    project: 'Project amount',
    downPayment: 'Down payment',
    principal: 'Amount borrowed',
    duration: 'Term',
    months: (n: number) => `${n} months`,
    rate: 'Fixed borrowing rate',
    monthly: 'Monthly payment without insurance',
    insurance: 'Borrower’s insurance (per month)',
    fees: 'Arrangement fees',
    interest: 'Total interest',
    totalInsurance: 'Total insurance',
    cost: 'Total cost of the credit',
    due: 'Total amount payable',
    taeg: 'Annual percentage rate of charge (APRC)',
    usuryWithin: (ceiling: string) => `Below the legal usury ceiling in force (${ceiling}).`,
    usuryUnknown: 'This quarter’s usury ceiling is not yet in the tool: to be checked before signing.',
    consumerMention: 'A loan commits you and must be repaid. Check that you can repay it before you commit.',
    mortgageMention: 'The borrower may accept a mortgage offer only ten days after receiving it.',
    notContractual: 'Not a contract: given for information.',
    schedule: 'Amortisation schedule',
    columns: ['Month', 'Payment', 'Interest', 'Principal', 'Insurance', 'Outstanding'],
    page: (k: number, n: number) => `Page ${k} / ${n}`,
  },
} as const;

const locale = { fr: 'fr-FR', en: 'en-GB' } as const;

/** Helvetica's encoding (WinAnsi) has no narrow no-break space, which French numbers use. */
const printable = (text: string) => text.replace(/\u202f/g, '\u00a0');

const money = (cents: number, lang: Lang) =>
  printable(new Intl.NumberFormat(locale[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100));

const percent = (value: number, lang: Lang) =>
  printable(`${new Intl.NumberFormat(locale[lang], { minimumFractionDigits: 2 }).format(value)} %`);

const day = (isoDate: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale[lang], { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    new Date(isoDate),
  );

const A4: [number, number] = [595.28, 841.89];
const margin = 50;
const rowHeight = 14;
const scheduleRowsPerPage = 48;

export const quotePdf = async (quote: Quote, schedule: ScheduleLine[], lang: Lang): Promise<Uint8Array> => {
  const words = wording[lang];
  const document = await PDFDocument.create();
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const issuedAt = new Date(quote.issuedAt);
  document.setTitle(`${words.title} — ${words.number(quote.number)}`);
  document.setAuthor(quote.branchName);
  document.setCreator('Relais');
  document.setProducer('Relais');
  document.setCreationDate(issuedAt);
  document.setModificationDate(issuedAt);

  const write = (page: PDFPage, text: string, x: number, y: number, font: PDFFont = regular, size = 10) =>
    page.drawText(printable(text), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  const writeRight = (
    page: PDFPage,
    text: string,
    right: number,
    y: number,
    font: PDFFont = regular,
    size = 10,
  ) => write(page, text, right - font.widthOfTextAtSize(printable(text), size), y, font, size);
  /** Writes `text` over as many lines as the page's width needs; answers the height it took. */
  const writeWrapped = (page: PDFPage, text: string, y: number, font: PDFFont, size: number) => {
    const lines: string[] = [];
    for (const word of printable(text).split(' ')) {
      const last = lines.at(-1);
      const longer = last === undefined ? word : `${last} ${word}`;
      if (last !== undefined && font.widthOfTextAtSize(longer, size) <= A4[0] - 2 * margin)
        lines[lines.length - 1] = longer;
      else lines.push(word);
    }
    lines.forEach((line, index) => {
      write(page, line, margin, y - index * rowHeight, font, size);
    });
    return lines.length * rowHeight;
  };

  const first = document.addPage(A4);
  let y = A4[1] - margin;
  write(first, `${words.title} — ${quote.productName[lang]}`, margin, y, bold, 18);
  y -= 22;
  write(first, words.number(quote.number), margin, y, regular, 11);
  y -= 28;
  const { terms } = quote;
  const facts: [string, string, PDFFont?][] = [
    [words.customer, quote.customerName],
    [words.branch, quote.branchName],
    [words.advisor, quote.issuedByName],
    [words.issued, day(quote.issuedAt, lang)],
    [words.validUntil, day(quote.validUntil, lang)],
    [words.product, quote.productName[lang]],
    [words.project, money(quote.projectCents, lang)],
    [words.downPayment, money(quote.downPaymentCents, lang)],
    [words.principal, money(terms.principalCents, lang)],
    [words.duration, words.months(terms.months)],
    [words.rate, percent(terms.annualRatePercent, lang)],
    [words.monthly, money(terms.monthlyPaymentCents, lang)],
    [words.insurance, money(terms.monthlyInsuranceCents, lang)],
    [words.fees, money(terms.feesCents, lang)],
    [words.interest, money(terms.totalInterestCents, lang)],
    [words.totalInsurance, money(terms.totalInsuranceCents, lang)],
    [words.cost, money(terms.totalCostCents, lang)],
    [words.due, money(terms.totalDueCents, lang)],
    [words.taeg, percent(terms.taegPercent, lang), bold],
  ];
  for (const [label, value, font] of facts) {
    write(first, label, margin, y, font ?? regular);
    writeRight(first, value, A4[0] - margin, y, font ?? regular);
    y -= rowHeight + 2;
  }
  y -= 10;
  const { usury } = terms;
  if (usury.status === 'within') {
    y -=
      writeWrapped(first, words.usuryWithin(percent(usury.ceilingPercent, lang)), y, regular, 10) + rowHeight;
  }
  if (usury.status === 'unknown') y -= writeWrapped(first, words.usuryUnknown, y, regular, 10) + rowHeight;
  const mortgage = usury.status !== 'notApplicable' && usury.category.startsWith('mortgage');
  y -= writeWrapped(first, mortgage ? words.mortgageMention : words.consumerMention, y, bold, 9) + rowHeight;
  writeWrapped(first, words.notContractual, y, regular, 9);

  const columnRights = [90, 180, 270, 360, 450, A4[0] - margin];
  const writeRow = (page: PDFPage, cells: readonly string[], at: number, font: PDFFont) => {
    cells.forEach((cell, column) => {
      writeRight(page, cell, columnRights[column] ?? 0, at, font, 9);
    });
  };
  for (let start = 0; start < schedule.length; start += scheduleRowsPerPage) {
    const page = document.addPage(A4);
    let row = A4[1] - margin;
    write(page, `${words.schedule} — ${words.number(quote.number)}`, margin, row, bold, 13);
    row -= 24;
    writeRow(page, words.columns, row, bold);
    row -= rowHeight;
    for (const line of schedule.slice(start, start + scheduleRowsPerPage)) {
      const amounts = [line.paymentCents, line.interestCents, line.principalCents, line.insuranceCents];
      writeRow(
        page,
        [String(line.month), ...amounts.map((c) => money(c, lang)), money(line.remainingCents, lang)],
        row,
        regular,
      );
      row -= rowHeight;
    }
  }

  const pages = document.getPages();
  pages.forEach((page, index) => {
    writeRight(page, words.page(index + 1, pages.length), A4[0] - margin, margin / 2, regular, 8);
    write(page, `${quote.customerName} — ${words.number(quote.number)}`, margin, margin / 2, regular, 8);
  });
  return document.save({ useObjectStreams: false });
};
