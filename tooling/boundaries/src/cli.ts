import { checkWorkspace } from "./check.ts";

const root = process.argv[2] ?? ".";
const violations = checkWorkspace(root);
if (violations.length > 0) {
  console.error(`dependency boundaries: ${violations.length} violation(s)`);
  for (const v of violations) console.error(`  ${v.file}: "${v.specifier}" — ${v.why}`);
  process.exit(1);
}
console.log("dependency boundaries: ok");
