import type { Transform } from '../../types';

export const callbacksToAsync: Transform = {
  meta: {
    id: 'callbacks-to-async',
    description: 'Node core callback calls (fs, child_process, dns, zlib, crypto) to awaits of their promise APIs, order kept',
  },
  run() {
    return false;
  },
};
