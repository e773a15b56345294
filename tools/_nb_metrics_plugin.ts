/// <reference lib="deno.unstable" />
/**
 * A `deno lint` plugin that marks, with Deno's own parser, what the notebook report
 * counts (tools/notebook_report.ts): non-null assertions (`x!`), calls of
 * `toFixed`/`toExponential`/`toPrecision`, and `[...].join("\n")` print blocks. It
 * reports every occurrence as a diagnostic; the report counts them. Not a rule the
 * project's lint runs.
 *
 * @module
 */

const FIXED = new Set(["toFixed", "toExponential", "toPrecision"]);

/** True for a string or placeholder-free template literal of newlines only ("\n"). */
function isNewline(node: Deno.lint.Node | undefined): boolean {
  if (!node) return false;
  const newlines = (v: unknown) => typeof v === "string" && /^\n+$/.test(v);
  if (node.type === "Literal") return newlines(node.value);
  if (node.type === "TemplateLiteral") {
    return node.expressions.length === 0 && node.quasis.length === 1 &&
      newlines(node.quasis[0]?.cooked);
  }
  return false;
}

const plugin: Deno.lint.Plugin = {
  name: "nb-metrics",
  rules: {
    "non-null": {
      create(context) {
        return {
          TSNonNullExpression(node) {
            context.report({ node, message: "non-null assertion" });
          },
        };
      },
    },
    "to-fixed": {
      create(context) {
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (
              callee.type === "MemberExpression" &&
              callee.property.type === "Identifier" &&
              FIXED.has(callee.property.name)
            ) {
              context.report({ node, message: callee.property.name });
            }
          },
        };
      },
    },
    "join-print": {
      create(context) {
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (
              callee.type === "MemberExpression" &&
              callee.property.type === "Identifier" &&
              callee.property.name === "join" &&
              callee.object.type === "ArrayExpression" &&
              isNewline(node.arguments[0])
            ) {
              context.report({ node, message: '[...].join("\\n")' });
            }
          },
        };
      },
    },
  },
};

export default plugin;
