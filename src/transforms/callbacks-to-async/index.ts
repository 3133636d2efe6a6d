import type { Transform } from '../transform';
import { FileConversion } from './file-conversion';

export const callbacksToAsync: Transform = {
  meta: {
    id: 'callbacks-to-async',
    description: 'error-first callbacks to async/await: Node core APIs (fs, child_process, dns, zlib, crypto) and the file\'s own callback functions, order kept',
  },
  run: (ctx) => new FileConversion(ctx).run(),
};
