/**
 * The text a PDF made with pdf-lib's standard fonts shows, page by page, for tests: each page's
 * content streams inflated, their hex strings (`<…> Tj`) decoded from WinAnsi, each with whether
 * it is drawn in a bold font. Enough for our documents, not a PDF reader.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFPage, PDFRawStream } from 'pdf-lib';

export type PdfText = { text: string; bold: boolean };

/** WinAnsi's bytes 0x80–0x9f that differ from Latin-1 (those our documents use). */
const winAnsi: Record<number, string> = { 128: '€', 133: '…', 146: '’', 150: '–', 151: '—' };
const decode = (hex: string) =>
  (hex.match(/../g) ?? [])
    .map((pair) => {
      const code = Number.parseInt(pair, 16);
      return winAnsi[code] ?? String.fromCharCode(code);
    })
    .join('');

/** The page's font resource names whose base font is bold, e.g. `/F2`. */
const boldFontsOf = (page: PDFPage) => {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  if (!fonts) return new Set<string>();
  const bold = fonts
    .keys()
    .filter((key) => String(fonts.lookup(key, PDFDict).get(PDFName.of('BaseFont'))).includes('Bold'));
  return new Set(bold.map((key) => key.asString()));
};

const operatorsOf = (document: PDFDocument, page: PDFPage) => {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
  return streams
    .filter((stream) => stream instanceof PDFRawStream)
    .map((stream) => {
      const raw = Buffer.from(stream.getContents());
      return (stream.dict.get(PDFName.of('Filter')) ? inflateSync(raw) : raw).toString('latin1');
    })
    .join('\n');
};

export const pdfPages = async (bytes: Uint8Array): Promise<PdfText[][]> => {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const boldFonts = boldFontsOf(page);
    const texts: PdfText[] = [];
    let font = '';
    for (const [, fontName, hex] of operatorsOf(document, page).matchAll(
      /(\/\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g,
    )) {
      if (fontName) font = fontName;
      if (hex !== undefined)
        texts.push({ text: decode(hex).replace(/\u00a0/g, ' '), bold: boldFonts.has(font) });
    }
    return texts;
  });
};
