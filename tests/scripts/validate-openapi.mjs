// SPDX-License-Identifier: MIT
// Validates an OpenAPI document (file given as the first argument) against
// the official OpenAPI JSON Schema, and checks that every $ref resolves.
// Prints "test_openapi: N passed, N failed".
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else { failed++; console.error(`FAIL ${what}${detail ? ": " + detail : ""}`); }
}

const doc = JSON.parse(readFileSync(process.argv[2], "utf8"));
const validator = new Validator();
const result = await validator.validate(doc);
check(result.valid, "document is valid OpenAPI", JSON.stringify(result.errors, null, 1));
check(validator.version === "3.1", "version is 3.1", validator.version);

// every $ref points at something in the document
const refs = [];
(function walk(node) {
  if (Array.isArray(node)) node.forEach(walk);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) k === "$ref" ? refs.push(v) : walk(v);
})(doc);
for (const ref of refs) {
  let target = doc;
  for (const part of ref.replace(/^#\//, "").split("/")) target = target?.[part];
  check(target !== undefined, `$ref ${ref} resolves`);
}
// every operation has a unique operationId
const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
check(new Set(ids).size === ids.length, "operationIds are unique");
console.log(`test_openapi: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
