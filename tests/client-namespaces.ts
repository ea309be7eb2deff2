import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import en from "@/lib/i18n/messages/en.json";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(__dirname, "..");
const catalogue = en as Tree;

function hasKey(key: string) {
  let node: string | Tree | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return node !== undefined;
}

function resolveImport(from: string, specifier: string) {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * The message namespaces the browser may need below these entry files: what client
 * components (and the modules they import) translate with useTranslations, and the
 * keys ("errors.notFound", `sendRefusal.${reason}`) that they, the server components
 * giving them props, or the server actions they call, hand to useErrorText. Server
 * components' own getTranslations run on the server and need nothing sent.
 */
export function clientNamespaces(entries: string[]) {
  const namespaces = new Set<string>();
  const seen = new Set<string>();
  const queue: { file: string; context: "server" | "client" | "action" }[] = entries.map((entry) => ({ file: path.join(root, entry), context: "server" }));
  while (queue.length > 0) {
    const { file, context: inherited } = queue.shift()!;
    const source = readFileSync(file, "utf8");
    const directive = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use (client|server)["']/.exec(source)?.[1];
    // A "use server" module is an action whoever imports it: a server component may hand one to a client component as a prop.
    const context = directive === "client" && inherited === "server" ? "client" : directive === "server" ? "action" : inherited;
    const visit = `${context}:${file}`;
    if (seen.has(visit)) continue;
    seen.add(visit);
    if (context !== "server") for (const match of source.matchAll(/useTranslations\(\s*["']([a-zA-Z]+)/g)) namespaces.add(match[1]!);
    // Keys handed over as values, by client code, by the server actions it calls or by a server component's props:
    // "errors.notFound", `sendRefusal.${reason}`. A server module that is not a component (a query, a validation
    // schema) hands its keys to the actions that use it, not to the page that imports it.
    if (context !== "server" || file.endsWith(".tsx")) {
      for (const match of source.matchAll(/["'`]([a-zA-Z]+)\.([a-zA-Z_]+)/g)) if (hasKey(`${match[1]}.${match[2]}`)) namespaces.add(match[1]!);
      for (const match of source.matchAll(/`([a-zA-Z]+)\.\$\{/g)) if (hasKey(match[1]!)) namespaces.add(match[1]!);
    }
    for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)) {
      const target = resolveImport(file, match[1]!);
      if (target && !/\.test\.tsx?$/.test(target)) queue.push({ file: target, context });
    }
  }
  return [...namespaces].sort();
}
