import type { JSONContent } from "@tiptap/core";
import { formatToken, parseTemplate } from "@/lib/templates/parse";

export type Mentions = { userIds: string[]; teamIds: string[] };

/** The editor's document as template source ("\n" between lines) and the people it mentions. */
export function docToTemplate(doc: JSONContent): { text: string; mentions: Mentions } {
  const mentions: Mentions = { userIds: [], teamIds: [] };
  const inline = (node: JSONContent): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    if (node.type === "attributeToken") return formatToken(String(node.attrs?.path), (node.attrs?.fallback as string | null) ?? null);
    if (node.type === "mention") {
      const [kind, id] = String(node.attrs?.id ?? "").split(":");
      if (kind === "user" && id && !mentions.userIds.includes(id)) mentions.userIds.push(id);
      if (kind === "team" && id && !mentions.teamIds.includes(id)) mentions.teamIds.push(id);
      return `@${node.attrs?.label ?? ""}`;
    }
    return (node.content ?? []).map(inline).join("");
  };
  const text = (doc.content ?? []).map((block) => (block.content ?? []).map(inline).join("")).join("\n");
  return { text, mentions };
}

/** Template source as an editor document: tokens become chips; broken syntax stays text. */
export function templateToDoc(source: string): JSONContent {
  let nodes: ReturnType<typeof parseTemplate>;
  try {
    nodes = parseTemplate(source);
  } catch {
    nodes = [{ type: "text", value: source }];
  }
  const paragraphs: JSONContent[] = [{ type: "paragraph", content: [] }];
  for (const node of nodes) {
    if (node.type === "token") {
      paragraphs[paragraphs.length - 1]!.content!.push({ type: "attributeToken", attrs: { path: node.path, fallback: node.fallback } });
      continue;
    }
    node.value.split("\n").forEach((line, index) => {
      if (index > 0) paragraphs.push({ type: "paragraph", content: [] });
      if (line) paragraphs[paragraphs.length - 1]!.content!.push({ type: "text", text: line });
    });
  }
  return { type: "doc", content: paragraphs.map((p) => (p.content!.length ? p : { type: "paragraph" })) };
}

/** Content to insert at the cursor (saved replies): the same nodes, without the document. */
export function templateToInsertable(source: string): JSONContent[] {
  return templateToDoc(source).content ?? [];
}

/**
 * A picked attribute: the chip alone. No space is added after it, since one the staff
 * member cannot see would reach the customer ("cher client ,").
 */
export function tokenInsertion(path: string): JSONContent[] {
  return [{ type: "attributeToken", attrs: { path, fallback: null } }];
}
