import type { Report } from '../types';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';

export const reportFormats = ['text', 'json', 'markdown', 'sarif'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface FormatOptions {
  /** ANSI colour, text only; off by default. */
  color?: boolean;
  /** Include diffs of changed files in the text format; on by default. */
  diffs?: boolean;
  /** Include the folded diffs in the Markdown format; on by default (`scan` has none). */
  markdownDiffs?: boolean;
  /** Text only: wrap long messages to this many columns (a terminal's width). */
  width?: number;
  /** Markdown only: the longest the text may be (GitHub's comment limit by default). */
  maxLength?: number;
}

/** Renders a report; pure, the caller decides where the text goes. */
export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report, { diffs: options.markdownDiffs ?? true, maxLength: options.maxLength });
    case 'sarif':
      return formatSarif(report);
    case 'text':
      return formatText(report, { color: options.color ?? false, diffs: options.diffs ?? true, width: options.width });
  }
  throw new Error(`Unknown report format "${String(format)}" (known: ${reportFormats.join(', ')})`);
}
