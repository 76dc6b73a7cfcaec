import type { MultiPolygon, Polygon } from 'geojson';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { svgPaths } from '@/lib/map/svg-map';

/**
 * The neighbourhood profile as a PDF (A4 portrait), made on the server with pdf-lib: no
 * browser, no fonts to fetch (the standard Helvetica), a vector map of the municipality's
 * neighbourhoods and the profile's tables. Every figure arrives already formatted and
 * suppressed; this file only lays them out.
 */

export interface PdfTable {
  title: string;
  header: string[];
  rows: string[][];
  note?: string;
}
export interface PdfMapShape {
  code: string;
  geometry: Polygon | MultiPolygon;
  color: string;
  selected: boolean;
}

export interface ProfilePdfContent {
  title: string;
  subtitle: string;
  lines: string[];
  map: { title: string; shapes: PdfMapShape[]; legend: { color: string; label: string }[] } | null;
  tables: PdfTable[];
  footer: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;

export async function renderProfilePdf(content: ProfilePdfContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(safe(content.title));
  pdf.setProducer('Buurtradar');
  pdf.setCreationDate(new Date());
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  const text = (value: string, size: number, font: PDFFont = regular, color = rgb(0.1, 0.13, 0.18)) => {
    for (const line of wrap(safe(value), font, size, width)) {
      ensure(size + 4);
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color });
      y -= size + 4;
    }
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) {
      footer(page);
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const footer = (target: PDFPage) => {
    for (const [index, line] of wrap(safe(content.footer), regular, 7, width).entries()) {
      target.drawText(line, {
        x: MARGIN,
        y: MARGIN - 8 - index * 9,
        size: 7,
        font: regular,
        color: rgb(0.35, 0.4, 0.45),
      });
    }
  };

  text(content.title, 18, bold);
  text(content.subtitle, 10, regular, rgb(0.3, 0.35, 0.4));
  y -= 4;
  for (const line of content.lines) text(line, 9);
  y -= 6;

  if (content.map && content.map.shapes.length > 0) {
    const mapHeight = 230;
    ensure(mapHeight + 40);
    text(content.map.title, 11, bold);
    const top = y;
    const paths = svgPaths(content.map.shapes, width, mapHeight, 6);
    const byCode = new Map(content.map.shapes.map((shape) => [shape.code, shape]));
    // drawSvgPath puts the path's origin at (x, y) with y growing downwards, as in SVG.
    for (const path of paths) {
      const shape = byCode.get(path.code)!;
      page.drawSvgPath(path.d, {
        x: MARGIN,
        y: top,
        color: hex(shape.color),
        borderColor: rgb(1, 1, 1),
        borderWidth: 0.6,
      });
    }
    for (const path of paths) {
      if (byCode.get(path.code)!.selected)
        page.drawSvgPath(path.d, { x: MARGIN, y: top, borderColor: rgb(0.04, 0.1, 0.17), borderWidth: 2 });
    }
    y = top - mapHeight - 6;
    let x = MARGIN;
    for (const entry of content.map.legend) {
      const label = safe(entry.label);
      const w = 14 + regular.widthOfTextAtSize(label, 8) + 12;
      if (x + w > MARGIN + width) {
        x = MARGIN;
        y -= 12;
      }
      page.drawRectangle({
        x,
        y: y - 8,
        width: 9,
        height: 9,
        color: hex(entry.color),
        borderColor: rgb(0.6, 0.64, 0.68),
        borderWidth: 0.5,
      });
      page.drawText(label, { x: x + 13, y: y - 7, size: 8, font: regular });
      x += w;
    }
    y -= 20;
  }

  for (const table of content.tables) {
    ensure(60);
    text(table.title, 11, bold);
    const columns = table.header.length;
    const first = Math.min(width * 0.4, 170);
    const rest = columns > 1 ? (width - first) / (columns - 1) : 0;
    const xOf = (index: number) => (index === 0 ? MARGIN : MARGIN + first + (index - 1) * rest);
    const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
      ensure(14);
      if (shade) page.drawRectangle({ x: MARGIN, y: y - 11, width, height: 13, color: rgb(0.95, 0.96, 0.97) });
      cells.forEach((cell, index) => {
        const value = fit(safe(cell), font, 8, index === 0 ? first - 4 : rest - 4);
        const x = index === 0 ? xOf(0) + 2 : xOf(index) + rest - 2 - font.widthOfTextAtSize(value, 8);
        page.drawText(value, { x, y: y - 8, size: 8, font });
      });
      y -= 13;
    };
    drawRow(table.header, bold, true);
    for (const row of table.rows) drawRow(row, regular, false);
    if (table.note) {
      y -= 2;
      text(table.note, 7, regular, rgb(0.35, 0.4, 0.45));
    }
    y -= 10;
  }
  footer(page);
  return pdf.save();
}

/** Helvetica (WinAnsi) cannot draw every character: a few are spelled out, the rest dropped. */
export function safe(value: string): string {
  return value
    .replaceAll('−', '-')
    .replaceAll('≥', '>=')
    .replaceAll('≤', '<=')
    .replaceAll('≈', '~')
    .replaceAll('\u202f', ' ')
    .replaceAll('\u00a0', ' ')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff€‰–—‘’“”•…²³]/g, '');
}

function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const words = value.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function fit(value: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(value, size) <= width) return value;
  let cut = value;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function hex(color: string) {
  const value = color.replace('#', '');
  return rgb(
    parseInt(value.slice(0, 2), 16) / 255,
    parseInt(value.slice(2, 4), 16) / 255,
    parseInt(value.slice(4, 6), 16) / 255,
  );
}
