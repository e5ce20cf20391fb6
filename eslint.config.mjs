// ESLint (flat config): Next.js's core-web-vitals and TypeScript rules (which bring React, hooks,
// import and jsx-a11y), jsx-a11y's recommended set in full, import cycles refused, and Prettier's
// switch-off of formatting rules (Prettier formats; ESLint finds mistakes). `npm run lint` runs it
// with zero warnings allowed. See docs/decisions/0018-lint-and-format.md.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";

// Layers of lib/ (docs/decisions/0019-lib-by-domain.md): each folder may import only the folders
// listed for it (and itself, and the generated Prisma client); nothing in lib/ imports app/ or
// components/. An import "up" the layers fails the lint.
const MAY_IMPORT = {
  core: [],
  catalogue: ["core"],
  import: ["core", "catalogue"],
  auth: ["core", "catalogue"],
  actions: ["core", "auth"],
  "page-cache": ["core", "auth"],
  users: ["core", "auth", "actions"],
  dashboard: ["core", "catalogue", "auth"],
  risk: ["core", "catalogue", "auth", "dashboard"],
  plans: ["core", "catalogue", "auth", "actions", "dashboard", "risk"],
  // "import": triage registers its after-import hook there (lib/import/hooks.ts, decision 0020)
  triage: ["core", "catalogue", "auth", "actions", "dashboard", "risk", "plans", "import"],
  // the board pack reads the dashboard's figures, the risk engine's flags and the plan (decision 0028)
  "board-pack": ["core", "catalogue", "auth", "dashboard", "risk", "plans"],
};
const layerZones = [
  { target: "./lib", from: ["./app", "./components"], message: "lib/ never imports pages or components." },
  ...Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
    target: `./lib/${folder}`,
    from: "./lib",
    except: [folder, "generated", ...allowed].map((f) => `./${f}`),
    message: `lib/${folder} may import only lib/{${["generated", ...allowed].join(", ")}} (docs/decisions/0019-lib-by-domain.md).`,
  })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": ["error", { zones: layerZones }],
      // A table that scrolls inside its own labelled region must take keyboard focus (WCAG 2.1.1).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"], tags: [] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: "A focused test (.only) would skip the rest of the suite.",
        },
      ],
    },
  },
  prettier,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "next-env.d.ts",
      "bench-results/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
    ],
  },
];

export default config;
