// A typed client library: with a callback it calls back, without one it returns a promise.
export interface Row {
  id: number;
  name: string;
}

export declare class Client {
  constructor(name: string);
  query(sql: string): Promise<Row[]>;
  query(sql: string, callback: (problem: Error | null, rows: Row[]) => void): void;
}
