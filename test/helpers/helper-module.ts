/**
 * The command line imports awaitify's helpers from the package helper module it creates; a
 * jscodeshift entry cannot create a file, so it declares them in the file. Comparing the two
 * outputs means taking out that one difference and nothing else.
 */
export const helperImport = /^const \{ \w+(?:, \w+)* \} = require\('(?:\.\.?\/)+awaitify-helpers\.js'\);\n/gm;
export const helperDeclaration = /^\/\/ awaitify: [^\n]*\n(?:async )?function \w+\([^\n]*\{\n[\s\S]*?\n\}\n/gm;

/** The text with awaitify's helper imports and declarations taken out. */
export function withoutAwaitifyHelpers(text: string): string {
  return text.replace(helperImport, '').replace(helperDeclaration, '');
}
