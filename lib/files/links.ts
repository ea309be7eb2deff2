/** A public file link's token: 24 random bytes in base64url (see newPublicToken). */
export const PUBLIC_TOKEN_LENGTH = 32;

/** What the customer receives when files are attached: the text, then one link per file. */
export function withFileLinks(text: string, links: string[]): string {
  return [text, ...links].join("\n");
}

/** The text as it will be sent, before the files' tokens exist: same length, same encoding. */
export function withFutureFileLinks(text: string, fileCount: number, appUrl: string): string {
  const placeholder = new URL(`/f/${"x".repeat(PUBLIC_TOKEN_LENGTH)}`, appUrl).toString();
  return withFileLinks(text, Array.from({ length: fileCount }, () => placeholder));
}
