import type { Store } from './types';

export class Service {
  constructor(private readonly store: Store) {}

  title(id: string, cb: (err: Error | null, title?: string) => void): void {
    this.store.load(id, (err, text) => {
      if (err) return cb(err);
      cb(null, (text ?? '').split('\n')[0]);
    });
  }
}
