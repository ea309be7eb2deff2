import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const EXTENSIONS = [".ts", ".tsx", ".js", "/index.ts", "/index.tsx"];
const cache = new Map();

/** Resolves `@/x` and relative imports to a project file, or undefined for packages. */
function resolveProjectFile(source, fromFile, root) {
  let base;
  if (source.startsWith("@/")) base = path.join(root, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(fromFile), source);
  else return undefined;
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext)]) {
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        if (readFileSync(candidate)) return candidate;
      } catch {
        // a folder: try the next candidate
      }
    }
  }
  return undefined;
}

function isServerOnly(file) {
  if (!cache.has(file)) {
    const head = readFileSync(file, "utf8").slice(0, 2000);
    cache.set(file, /^\s*import\s+["']server-only["']/m.test(head));
  }
  return cache.get(file);
}

/**
 * A 'use client' module may not import a module marked `import "server-only"` (nor the
 * package itself): Next would fail the build, or worse, ship server code to browsers.
 * Type-only imports are erased and allowed; 'use server' action modules are allowed.
 */
const rule = {
  meta: { type: "problem", schema: [], messages: { serverOnly: "'{{source}}' is server-only and cannot be imported by a 'use client' module." } },
  create(context) {
    const program = context.sourceCode.ast;
    const first = program.body[0];
    const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
    if (!isClient) return {};
    const root = context.cwd;
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        const source = node.source.value;
        if (source === "server-only") return context.report({ node, messageId: "serverOnly", data: { source } });
        const file = resolveProjectFile(source, context.filename, root);
        if (file && isServerOnly(file)) context.report({ node, messageId: "serverOnly", data: { source } });
      },
    };
  },
};
export default rule;
