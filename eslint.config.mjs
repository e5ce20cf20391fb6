// ESLint (flat config): Next.js's core-web-vitals and TypeScript rules (which bring React, hooks,
// import and jsx-a11y), jsx-a11y's recommended set in full, import cycles refused, and Prettier's
// switch-off of formatting rules (Prettier formats; ESLint finds mistakes). `npm run lint` runs it
// with zero warnings allowed. See docs/decisions/0018-lint-and-format.md.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";

const config = [
  ...nextVitals,
  ...nextTs,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
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
