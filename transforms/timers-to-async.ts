import { createJscodeshiftTransform } from '../src/engine/jscodeshift-adapter';

// jscodeshift entry point: `jscodeshift -t <awaitify>/dist/transforms/timers-to-async.js`.
export default createJscodeshiftTransform('timers-to-async');
export const parser = 'babel';
