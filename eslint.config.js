// Lint: typescript-eslint's type-aware rules plus a file-length ceiling, so that no file grows into a god file,
// and a function-length ceiling for the client's panels.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "**/dist", "coverage", "**/*.generated.*", "artifacts", "data"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: "error",
    },
  },
  {
    // Panels are built from small named parts (header, rows, form, actions), not one closure factory.
    files: ["client/src/ui/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The rules engine must stay pure: no wall clock, no ambient randomness, no timers.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Date", message: "shared/ is deterministic: use game days (shared/math/calendar.ts)." },
        { name: "setTimeout", message: "shared/ has no timers." },
        { name: "setInterval", message: "shared/ has no timers." },
        { name: "performance", message: "shared/ has no clock." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use the seeded generator in the game state." },
        ...["pow", "exp", "log", "sin", "cos", "atan", "asin"].map((property) => ({
          object: "Math",
          property,
          message: "Use shared/math/detmath.ts: the same bits on every machine (Monte-Carlo workers too).",
        })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          // x ** y with a computed exponent is Math.pow; a literal exponent, or a power of two (exact), stays.
          selector: "BinaryExpression[operator='**'][right.type!='Literal'][left.value!=2]",
          message: "Use detPow from shared/math/detmath.ts: the same bits on every machine.",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
