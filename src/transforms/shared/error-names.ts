/**
 * Names that say "this parameter holds an error": `e`, `er`, `err`, `error` in any case, and
 * `err`/`error` followed by more (`errRead`, `error2`, `err_open`). The one test for it:
 * detection of error-first callbacks of unknown functions, `cb(err)` calls and the scan's
 * pyramid measurement all read names this way. Never use it to decide when code runs.
 */
const errorParamName = /^(?:e|er|err|error)$/i;
const errorParamPrefix = /^(?:err|error)[A-Z_0-9]/;

export function isErrorParamName(name: string): boolean {
  return errorParamName.test(name) || errorParamPrefix.test(name);
}
