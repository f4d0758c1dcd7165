const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/**
 * Validates a schema or channel name and quotes it for SQL. Only plain identifiers pass (never input a
 * request could carry), so the quoted name needs no escaping and means exactly what was written.
 */
export function quoteIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(
      `profilekit: the ${what} must be a plain identifier (letters, digits, _ and $; at most 63 characters), got ${JSON.stringify(name)}.`,
    );
  }
  return `"${name}"`;
}
