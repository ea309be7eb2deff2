/**
 * The one template language (EDIT-5): `{ customer.first_name }` or, with a fallback,
 * `{ customer.first_name | "there" }`. Parsed once to a small AST shared by the renderer
 * and the editor (which shows tokens as chips).
 */

export type TextNode = { type: "text"; value: string };
export type TokenNode = {
  type: "token";
  path: string;
  /** "customer" and "first_name" of "customer.first_name", split once at parse time. */
  scope: string;
  key: string;
  fallback: string | null;
  start: number;
  end: number;
};
export type TemplateNode = TextNode | TokenNode;

export class TemplateSyntaxError extends Error {
  override name = "TemplateSyntaxError";
  constructor(
    readonly position: number,
    readonly snippet: string,
  ) {
    super(`Template syntax error at character ${position + 1}: ${snippet}`);
  }
}

const TOKEN = /\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\s*(?:\|\s*"((?:[^"\\]|\\.)*)"\s*)?\}/y;
const TOKEN_ATTEMPT = /\{[^{}\n]*\}/y;

export function parseTemplate(source: string): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let text = "";
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char !== "{") {
      text += char;
      index++;
      continue;
    }
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(source);
    if (match) {
      if (text) nodes.push({ type: "text", value: text });
      text = "";
      const path = match[1]!;
      const dot = path.indexOf(".");
      nodes.push({
        type: "token",
        path,
        scope: path.slice(0, dot),
        key: path.slice(dot + 1),
        fallback: match[2] === undefined ? null : match[2].replace(/\\(.)/g, "$1"),
        start: index,
        end: index + match[0].length,
      });
      index += match[0].length;
      continue;
    }
    // Braces around something that is not a valid token are a mistake, never sent raw.
    TOKEN_ATTEMPT.lastIndex = index;
    const attempt = TOKEN_ATTEMPT.exec(source);
    if (attempt) throw new TemplateSyntaxError(index, attempt[0]);
    text += char;
    index++;
  }
  if (text) nodes.push({ type: "text", value: text });
  return nodes;
}

export function tokensOf(nodes: TemplateNode[]): TokenNode[] {
  return nodes.filter((node): node is TokenNode => node.type === "token");
}

/** Writes a token back as source text. */
export function formatToken(path: string, fallback: string | null): string {
  return fallback === null ? `{ ${path} }` : `{ ${path} | "${fallback.replace(/(["\\])/g, "\\$1")}" }`;
}
