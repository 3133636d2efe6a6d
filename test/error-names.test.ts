import { describe, expect, it } from 'vitest';
import { isErrorParamName } from '../src/transforms/shared/error-names';

describe('names that hold an error', () => {
  it('takes the short names, numbered ones and camel-case names that begin or end as an error', () => {
    for (const name of ['e', 'er', 'err', 'error', 'Err', 'er2', 'er3', 'errRead', 'error2', 'err_open', 'originalEr', 'fileErr', 'lastError']) {
      expect(isErrorParamName(name), name).toBe(true);
    }
  });

  it('does not take names that only contain one', () => {
    for (const name of ['e2', 'ex', 'ErrorHandler', 'terror', 'errand', 'handler', 'user', 'verbose']) {
      expect(isErrorParamName(name), name).toBe(false);
    }
  });
});
