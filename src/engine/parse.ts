import * as babelParser from '@babel/parser';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { ParserName } from '../types';

/** A parser object in the shape recast and jscodeshift expect. */
export interface SourceParser {
  parse(source: string): any; // recast wants an ASTNode; babel gives a File
}

const commonPlugins: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'dynamicImport',
  'exportDefaultFrom',
  'importMeta',
  'logicalAssignment',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  'topLevelAwait',
];

function pluginsFor(name: Exclude<ParserName, 'auto'>): ParserPlugin[] {
  switch (name) {
    case 'ts':
      return [...commonPlugins, 'typescript', ['decorators', { decoratorsBeforeExport: true }]];
    case 'tsx':
      return [...commonPlugins, 'typescript', 'jsx', ['decorators', { decoratorsBeforeExport: true }]];
    case 'flow':
      return [...commonPlugins, ['flow', { all: true }], 'flowComments', 'jsx'];
    case 'babel':
      return [...commonPlugins, 'jsx', ['decorators', { decoratorsBeforeExport: false }]];
  }
}

const extensionParsers: Record<string, Exclude<ParserName, 'auto'>> = {
  '.js': 'babel',
  '.cjs': 'babel',
  '.mjs': 'babel',
  '.jsx': 'babel',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
};

export const defaultExtensions = Object.keys(extensionParsers);

/** The parser to use for a file: the one asked for, or by extension. */
export function resolveParserName(requested: ParserName | undefined, path: string): Exclude<ParserName, 'auto'> {
  if (requested && requested !== 'auto') return requested;
  const match = /\.[^./\\]+$/.exec(path);
  return (match && extensionParsers[match[0].toLowerCase()]) || 'babel';
}

/**
 * Parses as a module first; old sloppy-mode scripts (legacy octal, `with`) fail there and
 * are parsed as scripts. The first error is the one reported when both fail.
 */
export function createParser(name: Exclude<ParserName, 'auto'>, options: { tokens?: boolean } = {}): SourceParser {
  const base: ParserOptions = {
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    startLine: 1,
    // recast needs the tokens to reprint; a parse that only checks the output does not.
    tokens: options.tokens ?? true,
    plugins: pluginsFor(name),
  };
  return {
    parse(source: string) {
      try {
        return babelParser.parse(source, { ...base, sourceType: 'module' });
      } catch (moduleError) {
        try {
          return babelParser.parse(source, { ...base, sourceType: 'script' });
        } catch {
          throw moduleError;
        }
      }
    },
  };
}
