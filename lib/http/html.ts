/** Text made safe inside HTML text and double- or single-quoted attributes, for the pages we write as strings. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
