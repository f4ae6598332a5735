// Lint: TypeScript-aware recommended rules, React hooks rules, and the architecture's import boundaries.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// Nothing in app/ imports development tools or tests.
const APP_PATTERNS = [
  { group: ["**/tests/**", "**/tests", "~/../tests/*"], message: "Production code never imports from tests/." },
  { group: ["**/dev/**", "**/dev", "~/../dev/*"], message: "Production code never imports from dev/ (stand-ins, demo, benchmarks)." },
];
// Only app/models talks to the database: workflows, routes, jobs and transports call model functions.
const DATA_PATTERNS = [
  { group: ["~/db.server", "**/db.server"], message: "Only app/models/ imports the Prisma client: call a model function." },
  { group: ["@prisma/client", "@prisma/*"], allowTypeImports: true, message: "Only app/models/ uses Prisma at runtime (type imports are fine)." },
];
// Models are the bottom layer: they never import the layers that call them (no cycles).
const MODEL_PATTERNS = [
  { group: ["~/workflows/*", "~/workflows/**", "~/routes/**", "~/jobs/*", "~/notifications/*", "~/proxy/*", "~/webhooks/*", "~/shopify/*", "~/shopify.server"], allowTypeImports: true, message: "app/models is the bottom layer: it never imports workflows, transports or Shopify." },
];
// The domain is pure: no framework, database, Shopify or I/O.
const DOMAIN_PATTERNS = [
  { group: ["@remix-run/*", "@shopify/*", "*.server", "~/*.server", "node:*", "~/models/*", "~/workflows/*"], message: "app/domain is pure: no framework or I/O imports." },
];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "public/build/**", ".cache/**", "app/types/**", "test-results/**", "tmp/**", "extensions/**/assets/**",
    // The Shopify CLI's output for the UI extensions: bundles, and the `shopify` global's declarations it generates.
    "extensions/*/dist/**", "extensions/*/shopify.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Architecture boundaries (docs/decisions/005-layout-and-boundaries.md). Flat config replaces a rule's
  // options per matching block, so each block lists every pattern that applies to its files.
  {
    files: ["app/**"],
    ignores: ["app/models/**", "app/db.server.ts", "app/db-postgres.server.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...APP_PATTERNS, ...DATA_PATTERNS] }],
    },
  },
  {
    files: ["app/models/**", "app/db.server.ts", "app/db-postgres.server.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...APP_PATTERNS, ...MODEL_PATTERNS] }],
    },
  },
  {
    files: ["app/domain/**"],
    ignores: ["app/domain/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...APP_PATTERNS, ...DATA_PATTERNS, ...DOMAIN_PATTERNS] }],
    },
  },
);
