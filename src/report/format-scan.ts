import type { FileResult, FileScanTotals, Nesting, ScanTotals, Site } from '../types';
import { plural } from './format-summary';

/** Words for the scan's measurements, shared by the text and Markdown formats. */

export function describeTotals(totals: FileScanTotals): string {
  const spots = `${plural(totals.sites, 'callback spot')} (${plural(totals.callbackLines, 'line')})`;
  return `${spots}: ${totals.converted} convert automatically (${plural(totals.convertedLines, 'line')}), ${totals.needsPerson} need a person (${plural(totals.needsPersonLines, 'line')})`;
}

export function describeProjectTotals(totals: ScanTotals): string[] {
  return [
    `Callback code: ${describeTotals(totals)}, in ${plural(totals.filesWithCallbacks, 'file')}; a rewrite would change ${plural(totals.filesToChange, 'file')}.`,
    `Pyramids: ${totals.pyramids}${totals.pyramids > 0 ? ` (deepest ${totals.deepestPyramid})` : ''}. Timer chains: ${totals.timerChains}. ` +
      `Callbacks called synchronously on some path: ${totals.syncCallbacks}. Callbacks that can be called twice: ${totals.multipleCalls}.`,
  ];
}

/** What the transforms would do inside a pyramid or chain. */
export function describeNestingOutcome(nesting: Nesting): string {
  if (nesting.converted + nesting.refused === 0) return 'no transform converts or refuses anything here';
  const parts = [];
  if (nesting.converted > 0) parts.push(`${nesting.converted} convert`);
  if (nesting.refused > 0) parts.push(`${nesting.refused} left for a person (${nesting.refusedRules.join(', ')})`);
  return parts.join(', ');
}

export function describeNesting(kind: 'pyramid' | 'timer chain', nesting: Nesting): string {
  const shape = nesting.recursive ? 'reschedules itself' : `depth ${nesting.depth}`;
  return `${kind} ${nesting.line}:${nesting.column}, ${shape}: ${describeNestingOutcome(nesting)}`;
}

export function describeSite(label: string, site: Site): string {
  return `${label} ${site.line}:${site.column} ${site.ruleId} (${site.converted ? 'converted' : 'left as is'}): ${site.message}`;
}

/** One line per measured thing of a file, in the order a reader wants them. */
export function listScanItems(file: FileResult): string[] {
  const scan = file.scan;
  if (!scan) return [];
  return [
    ...scan.pyramids.map((pyramid) => describeNesting('pyramid', pyramid)),
    ...scan.timerChains.map((chain) => describeNesting('timer chain', chain)),
    ...scan.syncCallbacks.map((site) => describeSite('calls back synchronously on some path:', site)),
    ...scan.multipleCalls.map((site) => describeSite('can call back twice:', site)),
  ];
}
