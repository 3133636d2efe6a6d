// Re-exports everything of the reader.
export * from './reader.mjs';
