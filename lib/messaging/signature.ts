export type Signer = { name: string; signature: string | null; signatureEnabled: boolean };

/** The line manual sends end with (USER-3): the user's signature, or their name; null when off. */
export function signatureLine(user: Signer) {
  if (!user.signatureEnabled) return null;
  const signature = user.signature?.trim() || user.name;
  return signature.startsWith("-") ? signature : `- ${signature}`;
}

export function withSignature(text: string, user: Signer) {
  const line = signatureLine(user);
  return line ? `${text.trimEnd()}\n${line}` : text;
}
