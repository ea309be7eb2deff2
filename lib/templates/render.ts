import { parseTemplate, type TemplateNode } from "./parse";

export type TemplateValues = (path: string, scope?: string, key?: string) => string | number | null | undefined;

/**
 * A token becomes its value, else its fallback, else nothing — and a vanished token
 * leaves no double space, nor a space before punctuation, behind.
 */
export function renderNodes(nodes: TemplateNode[], values: TemplateValues): string {
  let output = "";
  let afterVanished = false;
  for (const node of nodes) {
    if (node.type === "token") {
      const raw = values(node.path, node.scope, node.key);
      const value = raw === null || raw === undefined || String(raw) === "" ? (node.fallback ?? "") : String(raw);
      if (value === "") {
        afterVanished = true;
        continue;
      }
      output += value;
      afterVanished = false;
      continue;
    }
    let text = node.value;
    if (afterVanished) {
      const outputEndsBlank = output === "" || /[ \t]$/.test(output);
      if (outputEndsBlank && /^[ \t]/.test(text)) text = text.replace(/^[ \t]+/, "");
      if (/^[,.!?;:)]/.test(text)) output = output.replace(/[ \t]+$/, "");
    }
    output += text;
    afterVanished = false;
  }
  if (afterVanished) output = output.replace(/[ \t]+$/, "");
  return output;
}

export function renderTemplate(source: string, values: TemplateValues): string {
  return renderNodes(parseTemplate(source), values);
}
