import { createJscodeshiftTransform } from '../src/engine/jscodeshift-adapter';

// jscodeshift entry point: `jscodeshift -t <awaitify>/dist/transforms/callbacks-to-async.js`.
export default createJscodeshiftTransform('callbacks-to-async');
export const parser = 'babel';
