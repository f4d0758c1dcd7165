/** Keys of English missing from (or of another kind in) a translation, and keys English does not have. */
export function completeness(translation: Record<string, unknown>, reference: Record<string, unknown>) {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(reference)) {
    const other = translation[key];
    if (other === undefined) problems.push(`missing ${key}`);
    else if (typeof other !== typeof value)
      problems.push(`${key} is a ${typeof other}, not a ${typeof value}`);
    else if (typeof value === 'object' && value !== null) {
      problems.push(
        ...completeness(other as Record<string, unknown>, value as Record<string, unknown>).map(
          (p) => `${key}.${p}`,
        ),
      );
    }
  }
  for (const key of Object.keys(translation)) if (!(key in reference)) problems.push(`extra ${key}`);
  return problems;
}
