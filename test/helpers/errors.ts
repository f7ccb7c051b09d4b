/** The message `fn` throws, or "no error" when it throws nothing (so an assertion shows what happened). */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
