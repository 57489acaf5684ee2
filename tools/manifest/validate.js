"use strict";
// Validates a Teams app manifest (or a localisation file) with Microsoft's own validator, the npm
// package "@microsoft/teams-manifest" (pinned in package-lock.json), against a schema file on disk:
// the validator's fetchSchema would download the schema named in "$schema", which this machine
// cannot reach, so the same check is run against the official schema kept in shared/teams.
//
//   node validate.js <manifest.json> <schema.json>
//
// Prints one JSON object: {"file", "errors": [..]}. Exit code: 0 valid, 1 invalid, 2 bad arguments.
const fs = require("fs");
const { ManifestUtil } = require("@microsoft/teams-manifest");

async function main([file, schemaFile]) {
  if (!file || !schemaFile) {
    console.error("usage: node validate.js <manifest.json> <schema.json>");
    return 2;
  }
  let manifest, schema;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  } catch (error) {
    console.error(`cannot read input: ${error.message}`);
    return 2;
  }
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  console.log(JSON.stringify({ file, errors }));
  return errors.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
