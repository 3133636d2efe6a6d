import { findOwnPackage } from '../io/package-root';

export function readOwnVersion(): string {
  return findOwnPackage()?.version ?? 'unknown';
}
