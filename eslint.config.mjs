import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import noServerOnlyInClient from "./eslint-rules/no-server-only-in-client.mjs";

// The layering of ARCHITECTURE.md, enforced: each entry names the imports a folder may not make.
const DRIZZLE = { name: "drizzle-orm", message: "Only db/ writes SQL: add a query function to db/queries/<domain>.ts.", allowTypeImports: true };
const DRIZZLE_SUBPATHS = { group: ["drizzle-orm/*"], message: "Only db/ writes SQL: add a query function to db/queries/<domain>.ts.", allowTypeImports: true };
const NO_APP = { group: ["@/app/*", "@/app"], message: "Nothing imports app/: server actions live in lib/<domain>/actions.ts." };
const NO_INNGEST = { group: ["@/inngest/*", "@/inngest"], message: "lib/ never imports inngest/: dispatch work through lib/background." };
const NO_DB = { group: ["@/db/*", "@/db"], message: "Components take their data as props, with types from lib/<domain>/types.ts." };

const restricted = (...entries) => {
  const paths = entries.filter((e) => e.name);
  const patterns = entries.filter((e) => e.group);
  return ["error", { paths, patterns }];
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "db/migrations/**", "e2e/artifacts/**"]),
  {
    plugins: { parley: { rules: { "no-server-only-in-client": noServerOnlyInClient } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
      "parley/no-server-only-in-client": "error",
    },
  },
  { files: ["app/**"], rules: { "@typescript-eslint/no-restricted-imports": restricted(DRIZZLE, DRIZZLE_SUBPATHS) } },
  { files: ["lib/**"], rules: { "@typescript-eslint/no-restricted-imports": restricted(DRIZZLE, DRIZZLE_SUBPATHS, NO_APP, NO_INNGEST) } },
  { files: ["components/**"], rules: { "@typescript-eslint/no-restricted-imports": restricted(DRIZZLE, DRIZZLE_SUBPATHS, NO_APP, NO_DB) } },
  { files: ["inngest/**"], rules: { "@typescript-eslint/no-restricted-imports": restricted(DRIZZLE, DRIZZLE_SUBPATHS, NO_APP) } },
  // Tests assert on rows directly; benches and scripts measure and seed.
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "tests/**", "e2e/**", "bench/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    files: ["lib/env.ts", "**/*.test.ts", "**/*.test.tsx", "tests/**", "e2e/**", "bench/**", "jest.*", "middleware.ts", "lib/auth/config.ts", "*.config.*", "instrumentation.ts", "eslint-rules/**"],
    rules: { "no-restricted-properties": "off" },
  },
]);
