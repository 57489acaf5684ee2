"use strict";
// Reads the cards to check or render: every *.json file of a folder (one card each, named by
// its file), or a JSON-lines file ({"name": ..., "card": {...}} or a bare card per line).
const fs = require("fs");
const path = require("path");

function readCards(source) {
  const stat = fs.statSync(source);
  if (stat.isDirectory()) {
    return fs.readdirSync(source)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => ({
        name: path.basename(file, ".json"),
        card: JSON.parse(fs.readFileSync(path.join(source, file), "utf8")),
      }));
  }
  return fs.readFileSync(source, "utf8")
    .split("\n")
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, index }) => {
      const parsed = JSON.parse(line);
      return parsed.type === "AdaptiveCard"
        ? { name: `line-${index + 1}`, card: parsed }
        : { name: parsed.name, card: parsed.card };
    });
}

module.exports = { readCards };
