/** Lower-case, accent-free text for trigram matching ("Hélène" matches "helene"). */
export function normalizeForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** What customer search matches (CUST-1): names, email, the mobile's digits and every attribute value. */
export function customerSearchText(customer: {
  firstName: string;
  lastName: string;
  email?: string | null;
  mobile?: string | null;
  attributes?: Record<string, unknown> | null;
}): string {
  const digits = customer.mobile?.replace(/\D/g, "") ?? "";
  // The national number too, so "514 555" finds +15145550123.
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : "";
  const values = Object.values(customer.attributes ?? {})
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value) => value !== null && value !== undefined && value !== "")
    .map(String);
  return normalizeForSearch([customer.firstName, customer.lastName, customer.email ?? "", digits, national, ...values].join(" ")).slice(0, 2000);
}
