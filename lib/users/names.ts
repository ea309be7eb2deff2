export const fullName = (firstName: string, lastName: string | null) => [firstName, lastName].filter(Boolean).join(" ");

/** A display name split at its first space (accounts made before the profile had two parts). */
export function nameParts(name: string) {
  const [firstName = "", ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(" ") || null };
}
