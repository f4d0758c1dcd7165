/** Collects a statement's parameters as it is written: `value(x)` answers its placeholder (`$3`). */
export function parameters() {
  const values: unknown[] = [];
  return {
    values,
    value(v: unknown) {
      values.push(v);
      return `$${values.length}`;
    },
  };
}
