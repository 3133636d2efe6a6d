import { createJscodeshiftTransform } from '../src/engine/jscodeshift-adapter';

// jscodeshift entry point: `jscodeshift -t <awaitify>/dist/transforms/then-to-await.js`.
export default createJscodeshiftTransform('then-to-await');
export const parser = 'babel';
