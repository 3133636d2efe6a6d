/** Where records come from; the service only knows this interface. */
export interface Store {
  load(id: string, cb: (err: Error | null, text?: string) => void): void;
}
