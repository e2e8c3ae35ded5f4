/** The key a new entity gets from its name: "Halyna Hutchins" is "halyna-hutchins", "Société Générale" "societe-generale". */
export function newEntityKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'entity';
}

/** A key and its numbered variants, in the order a new entity takes the first free one: "x", "x-2"... "x-9". */
export function keyVariants(base: string): string[] {
  return [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`)];
}
