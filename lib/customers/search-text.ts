/** Lower-case, accent-free text for trigram matching ("Hélène" matches "helene"). */
export function normalizeForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** What customer search matches: names, email, and the mobile's digits. */
export function customerSearchText(customer: {
  firstName: string;
  lastName: string;
  email?: string | null;
  mobile?: string | null;
}): string {
  const digits = customer.mobile?.replace(/\D/g, "") ?? "";
  // The national number too, so "514 555" finds +15145550123.
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : "";
  return normalizeForSearch(
    [customer.firstName, customer.lastName, customer.email ?? "", digits, national].join(" "),
  );
}
