/** Returns a local path to go back to, refusing anything that could leave the site (`//host`, `http:`, a backslash trick). */
export function safeBackPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 2000) return '/';
  return value;
}
