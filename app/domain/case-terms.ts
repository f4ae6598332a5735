// What the support queue finds a case by: the search terms of a case (SupportCaseTerm) and of a search,
// and the `suppliers` column's format. Pure, so the app, the migration's mirror and the benchmark seed
// write the same terms.

/** Longest term kept (characters). */
export const TERM_MAX = 100;
/** Above every character a term holds: `term < prefix + TERM_TOP` bounds a prefix range. */
export const TERM_TOP = String.fromCodePoint(0x10ffff);

export interface TermFields {
  orderName: string;
  customerName: string | null;
  customerEmail: string | null;
  /** "|gid://shopify/Product/1|…|" */
  productIds: string;
  /** "|supplier|…|" (suppliersColumn) */
  suppliers: string;
}

/** The words of a search: lower case, a leading "#" dropped (order names are stored without it), at most 5. */
export function searchWords(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^#+/, "").slice(0, TERM_MAX))
    .filter(Boolean);
  return [...new Set(words)].slice(0, 5);
}

/** What a case is found by (SupportCaseTerm.term). Mirrored in the migration that backfilled the terms. */
export function caseTerms(fields: TermFields): string[] {
  const terms = new Set<string>();
  const add = (term: string | undefined) => {
    const t = term?.trim().slice(0, TERM_MAX);
    if (t) terms.add(t);
  };
  for (const word of (fields.customerName ?? "").toLowerCase().split(/\s+/)) add(word);
  const email = fields.customerEmail?.trim().toLowerCase();
  if (email) {
    add(email);
    const at = email.indexOf("@");
    if (at > 0) {
      add(email.slice(0, at));
      add(email.slice(at + 1));
    }
  }
  add(fields.orderName.toLowerCase().replace(/^#+/, ""));
  for (const id of fields.productIds.split("|")) if (id) add(`p:${id}`);
  for (const name of fields.suppliers.split("|")) if (name) add(`s:${name}`);
  return [...terms];
}

/** A supplier name as the `suppliers` column holds it: trimmed, "|" (the separator) written "/". */
export function supplierToken(name: string): string {
  return name.trim().replace(/\|/g, "/");
}

/** "|a|b|" of the suppliers, sorted, or "|" when none (the column's format, like productIds). */
export function suppliersColumn(names: Iterable<string>): string {
  const tokens = [...new Set([...names].map(supplierToken).filter(Boolean))].sort();
  return `|${tokens.join("|")}${tokens.length ? "|" : ""}`;
}

