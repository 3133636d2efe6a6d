import { createParser } from './parse';
import { fileHabits, styleNewCode } from './new-code-style';
import { dominantQuote } from './source-text';

/**
 * How a package's files are written, read from the files that import the package helper module:
 * the new module is written the same way (helper-module.ts), so that it reads as one of them.
 */
export interface PackageStyle {
  semicolons: boolean;
  quote: 'single' | 'double';
  /** One level of indentation: a tab or some spaces. */
  indent: string;
  useStrict: boolean;
  trailingCommas: boolean;
  /** `function name (` (`' '`) or `function name(` (`''`). */
  namedFunctionGap: string;
}

const babel = createParser('babel');

const majority = (votes: boolean[], otherwise: boolean): boolean => {
  const yes = votes.filter(Boolean).length;
  return yes * 2 === votes.length ? otherwise : yes * 2 > votes.length;
};

/** The commonest step between the indentation of two successive indented lines. */
function indentUnit(sources: readonly string[]): string {
  const steps = new Map<string, number>();
  for (const source of sources) {
    let previous = '';
    for (const line of source.split(/\r?\n/)) {
      if (line.trim() === '' || /^\s*[,.*]/.test(line)) continue; // blank, continuation and block comment lines
      const indent = /^[ \t]*/.exec(line)![0];
      if (indent.length > previous.length && indent.startsWith(previous)) {
        const step = indent.slice(previous.length);
        if (/^(\t|[ ]{2,8})$/.test(step)) steps.set(step, (steps.get(step) ?? 0) + 1);
      }
      previous = indent;
    }
  }
  return [...steps].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '  ';
}

export function packageStyle(sources: readonly string[]): PackageStyle {
  const habits = sources.flatMap((source) => {
    try {
      return [fileHabits(babel.parse(source), source)];
    } catch {
      return [];
    }
  });
  const decided = <T>(values: Array<T | undefined>): T[] => values.filter((value): value is T => value !== undefined);
  // A file that writes `function (err)` but names no function would name one `function name (`.
  const gaps = decided(habits.map((habit) => habit.namedFunctionGap ?? habit.anonymousFunctionGap));
  return {
    semicolons: majority(decided(habits.map((habit) => habit.semicolons)), true),
    quote: dominantQuote(sources.join('\n')),
    indent: indentUnit(sources),
    useStrict: majority(sources.map((source) => /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use strict\2/.test(source)), true),
    trailingCommas: sources.some((source) => /,[ \t]*\r?\n[ \t]*[)\]}]/.test(source)),
    namedFunctionGap: majority(gaps.map((gap) => gap === ' '), false) ? ' ' : '',
  };
}

/** awaitify's helper module text (two spaces, single quotes, semicolons, trailing commas) respelled in the package's style. */
export function styleHelperModule(text: string, style: PackageStyle, typescript: boolean): string {
  const parser = createParser(typescript ? 'ts' : 'babel');
  let result = text;
  if (!style.trailingCommas) result = result.replace(/,(\s*\n\s*[)\]}])/g, '$1');
  result = styleNewCode(undefined, result, parser, {
    semicolons: style.semicolons,
    varOnly: false,
    namedFunctionGap: style.namedFunctionGap,
    anonymousFunctionGap: undefined,
    oneLineIfs: true,
    blankLinesAroundBlocks: true,
  });
  if (style.quote === 'double') {
    const tokens = parser.parse(result).tokens as Array<{ type: any; start: number; end: number; value?: unknown }>;
    for (const token of [...tokens].reverse()) {
      const raw = result.slice(token.start, token.end);
      if (typeof token.type !== 'string' && token.type.label === 'string' && /^'[^'"\\]*'$/.test(raw)) {
        result = `${result.slice(0, token.start)}"${raw.slice(1, -1)}"${result.slice(token.end)}`;
      }
    }
  }
  if (style.indent !== '  ') result = result.replace(/^((?: {2})+)/gm, (spaces) => style.indent.repeat(spaces.length / 2));
  return result;
}
