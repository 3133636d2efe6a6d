/** Calls `each` for every problem, at once: `each` is not an error-first callback. */
export function reportProblems(problems: Error[], each: (err: Error) => void): void {
  problems.forEach(each);
}
