/**
 * Names that say "this parameter holds an error": `e`, `er`, `err`, `error` in any case, `er2`, and
 * `err`/`error` followed by more (`errRead`, `error2`, `err_open`), or ending one (`originalEr`, `fileErr`). The one test for it:
 * detection of error-first callbacks of unknown functions, `cb(err)` calls and the scan's
 * pyramid measurement all read names this way. Never use it to decide when code runs.
 */
const errorParamName = /^(?:e|er\d*|err|error)$/i;
const errorParamPrefix = /^(?:err|error)[A-Z_0-9]/;
// `originalEr`, `fileErr`, `lastError`: a camel-case name that ends as an error's.
const errorParamSuffix = /^[a-z][A-Za-z0-9]*(?:Er|Err|Error)$/;

export function isErrorParamName(name: string): boolean {
  return errorParamName.test(name) || errorParamPrefix.test(name) || errorParamSuffix.test(name);
}
