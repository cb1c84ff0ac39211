/**
 * A whole frame on a page: the title and narration at the top (mask glyphs at the top right), the notes, the
 * token rows, the model's guesses as cards, and a footer with the seed and step. Pure geometry and text, so the
 * app, the PNG/SVG export and the GIF/WebM export all draw the same picture.
 */
import { wrapText } from '../charts/svg';
import type { Candidate, Frame, MaskGlyph, PredictionSlot } from './frame';
import { tokenAt } from './frame';
import type { RowsLayout } from './layout-rows';
import { layoutRows } from './layout-rows';
import type { Language } from './narration';
import { narrate, objectiveTitle } from './narration';
import { sizes } from './style';

/** Options of {@link layoutFrame}. */
export interface FrameLayoutOptions {
  /** Page width in CSS pixels (default 1280). */
  width?: number;
  language?: Language;
  /** Shown in the footer with the step number. */
  seed?: number;
  step?: number;
  total?: number;
  /** The page is at least this tall (so every frame of an animation has one size). */
  minHeight?: number;
}

/** A mask glyph placed at the top right: `cell` pixels per query/key. */
export interface PlacedGlyph {
  glyph: MaskGlyph;
  x: number;
  y: number;
  cell: number;
  labelLines: string[];
}

/** One candidate row of a card. */
export interface CardRow extends Candidate {
  isTruth: boolean;
}

/** The guesses for one position. */
export interface PlacedCard {
  slot: PredictionSlot;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  truth: string;
  rows: CardRow[];
  /** Shown when there are no candidates. */
  emptyLines: string[];
  /** `−log p` of the truth (loss frames). */
  loss?: string;
}

/** Everything placed. */
export interface FrameLayout {
  width: number;
  height: number;
  title: string;
  narration: { lines: string[]; y: number };
  notes: { lines: string[]; y: number };
  glyphs: PlacedGlyph[];
  rows: RowsLayout;
  weightsNote?: { text: string; y: number };
  cardsTitle?: { text: string; y: number };
  cards: PlacedCard[];
  lossLine?: { text: string; y: number };
  footer: { text: string; y: number };
}

const glyphColumn = 210;
const maxCandidates = 5;

/** −log p of the truth among `candidates`, or null when it is not among them. */
export function truthLoss(slot: PredictionSlot): number | null {
  const found = slot.candidates?.find((candidate) => candidate.token === slot.truth);
  return found && found.probability > 0 ? -Math.log(found.probability) : null;
}

function placeGlyphs(frame: Frame, width: number, language: Language): PlacedGlyph[] {
  return frame.masks.map((glyph, i) => {
    const cell = Math.max(
      2,
      Math.min(22, Math.floor(sizes.glyphSize / Math.max(glyph.queries, glyph.keys, 1))),
    );
    const x = width - sizes.margin - (frame.masks.length - i) * glyphColumn + 10;
    const labelLines = wrapText(narrate(`mask.${glyph.kind}`, language), 13, glyphColumn - 20);
    return { glyph, x, y: sizes.margin, cell, labelLines };
  });
}

function placeCards(
  frame: Frame,
  y: number,
  width: number,
  language: Language,
): { cards: PlacedCard[]; height: number } {
  const cards: PlacedCard[] = [];
  const perLine = Math.max(1, Math.floor((width - 2 * sizes.margin + 16) / (sizes.cardWidth + 16)));
  let lineTop = y;
  let lineHeight = 0;
  frame.predictions.forEach((slot, i) => {
    if (i > 0 && i % perLine === 0) {
      lineTop += lineHeight + 16;
      lineHeight = 0;
    }
    const cell = tokenAt(frame, slot.at);
    const rows = (slot.candidates ?? [])
      .slice(0, maxCandidates)
      .map((candidate) => ({ ...candidate, isTruth: candidate.token === slot.truth }));
    const empty =
      slot.candidates === null
        ? 'panel.noPredictions'
        : slot.candidates.length === 0
          ? 'panel.unavailable'
          : null;
    const emptyLines = empty ? wrapText(narrate(empty, language), 15, sizes.cardWidth - 24) : [];
    const lossValue = truthLoss(slot);
    const loss = !frame.showLoss
      ? undefined
      : lossValue === null
        ? narrate({ key: 'panel.lossOutside', values: { k: slot.candidates?.length ?? 0 } }, language)
        : narrate({ key: 'panel.lossTerm', values: { value: lossValue.toFixed(2) } }, language);
    const lines =
      2 + Math.max(rows.length, emptyLines.length * 0.8) + (loss !== undefined && slot.candidates ? 1 : 0);
    const height = 16 + lines * sizes.cardRow;
    cards.push({
      slot,
      x: sizes.margin + (i % perLine) * (sizes.cardWidth + 16),
      y: lineTop,
      width: sizes.cardWidth,
      height,
      title: `${narrate({ key: 'panel.position', values: { index: slot.at.index } }, language)} · ${cell?.text ?? ''}`,
      truth: narrate({ key: 'panel.truth', values: { truth: slot.truth } }, language),
      rows,
      emptyLines,
      ...(loss !== undefined && slot.candidates ? { loss } : {}),
    });
    lineHeight = Math.max(lineHeight, height);
  });
  return { cards, height: cards.length === 0 ? 0 : lineTop + lineHeight - y };
}

/** Places every part of `frame`. */
export function layoutFrame(frame: Frame, options: FrameLayoutOptions = {}): FrameLayout {
  const width = options.width ?? sizes.width;
  const language = options.language ?? 'en';
  const inner = width - 2 * sizes.margin;
  const glyphs = placeGlyphs(frame, width, language);
  const textColumn = inner - glyphs.length * glyphColumn;
  let y = sizes.margin + sizes.titleFont;
  const narrationLines = wrapText(narrate(frame.narration, language), sizes.narrationFont, textColumn);
  const narrationY = y + 14 + sizes.narrationFont;
  y = narrationY + (narrationLines.length - 1) * sizes.narrationLine;
  const noteLines = frame.notes.flatMap((note) =>
    wrapText(`⚠ ${narrate(note, language)}`, sizes.noteFont, textColumn),
  );
  const notesY = y + 12 + sizes.noteLine;
  if (noteLines.length > 0) y = notesY + (noteLines.length - 1) * sizes.noteLine;
  const glyphBottom = Math.max(
    0,
    ...glyphs.map((g) => g.y + g.glyph.queries * g.cell + 10 + g.labelLines.length * 17),
  );
  y = Math.max(y + 8, glyphBottom) + 28;

  // Arcs go above a row of keys when its query is in the same row (self-attention).
  const arcRows = new Set(
    frame.attention.filter((slot) => slot.keys === slot.query.row).map((slot) => slot.keys),
  );
  const weightRows = new Set(
    frame.attention.filter((slot) => slot.weights !== null).map((slot) => slot.keys),
  );
  const rows = layoutRows(frame.blocks, { x: sizes.margin, y, width: inner, language, arcRows, weightRows });
  y += rows.height;
  let weightsNote: FrameLayout['weightsNote'];
  if (frame.attention.some((slot) => slot.weights !== null)) {
    y += 30;
    weightsNote = { text: narrate('panel.weights', language), y };
  }
  let cardsTitle: FrameLayout['cardsTitle'];
  let cards: PlacedCard[] = [];
  let lossLine: FrameLayout['lossLine'];
  if (frame.predictions.length > 0) {
    y += 44;
    cardsTitle = { text: narrate('panel.predictions', language), y };
    const placed = placeCards(frame, y + 14, width, language);
    cards = placed.cards;
    y += 14 + placed.height;
    const losses = frame.predictions.map(truthLoss);
    if (frame.showLoss && losses.every((loss) => loss !== null) && losses.length > 0) {
      const mean = (losses as number[]).reduce((sum, loss) => sum + loss, 0) / losses.length;
      y += 34;
      lossLine = { text: narrate({ key: 'panel.loss', values: { loss: mean.toFixed(2) } }, language), y };
    }
  }
  y += 30 + sizes.footerFont;
  const footerValues = { seed: options.seed ?? '', step: (options.step ?? 0) + 1, total: options.total ?? 1 };
  const footer = narrate(
    { key: options.seed === undefined ? 'footerNoSeed' : 'footer', values: footerValues },
    language,
  );
  const height = Math.ceil(Math.max(y + sizes.margin / 2, options.minHeight ?? 0) / 2) * 2; // even, as video wants
  return {
    width,
    height,
    title: objectiveTitle(frame.objective, language),
    narration: { lines: narrationLines, y: narrationY },
    notes: { lines: noteLines, y: notesY },
    glyphs,
    rows,
    ...(weightsNote ? { weightsNote } : {}),
    ...(cardsTitle ? { cardsTitle } : {}),
    cards,
    ...(lossLine ? { lossLine } : {}),
    footer: { text: footer, y: height - sizes.margin / 2 - 4 },
  };
}

/** The height every frame of an animation is drawn at: the tallest frame's. */
export function animationHeight(
  frames: readonly Frame[],
  options: Omit<FrameLayoutOptions, 'minHeight'> = {},
): number {
  return Math.max(0, ...frames.map((frame) => layoutFrame(frame, options).height));
}
