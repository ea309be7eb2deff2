import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const root = path.resolve(__dirname, "../..");
const enKeys = new Set(keys(en as Tree));
const frKeys = new Set(keys(fr as Tree));

describe("translations", () => {
  it("has every English text in French and every French text in English", () => {
    expect([...enKeys].filter((key) => !frKeys.has(key))).toEqual([]);
    expect([...frKeys].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it("has a text for every error the server can answer with", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))]) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/(?:SafeError\(|message: |errors\[\w+\] = )"([a-zA-Z]+\.[a-zA-Z_.]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !enKeys.has(key)).sort()).toEqual([]);
  });
});
