"use strict";
// Parses each card with the official Adaptive Cards renderer (the npm package "adaptivecards",
// pinned in package-lock.json) under a Teams host config, and reports every parse event and
// every validation failure. Parsing needs no DOM; only rendering does.
//
//   node validate.js <cards folder | cards.jsonl> <host-config.json>
//
// Prints one JSON object: {"cards": n, "problems": [{card, severity, event, message}]}.
// Exit code: 0 no problem, 1 problems found, 2 bad arguments or unreadable input.
const fs = require("fs");
const AC = require("adaptivecards/dist/adaptivecards.js");
const { readCards } = require("./cards-source");

// Hints and deprecations do not break a card but are still reported, as warnings.
const WARNING_EVENTS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function severityOf(event) {
  return WARNING_EVENTS.has(event) ? "warning" : "error";
}

function problem(card, event, message) {
  return { card, severity: severityOf(event), event: AC.ValidationEvent[event] ?? String(event), message };
}

// adaptivecards 3.0.x checks "lang" with a shared /g regular expression, whose lastIndex survives
// from one card to the next: every second card with a lang would be reported as invalid.
function resetLangCheck() {
  AC.CardElement.langProperty.regEx.lastIndex = 0;
}

function checkCard(name, json, hostConfig) {
  resetLangCheck();
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(problem(name, event.event, event.message));
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(problem(name, event.event, event.message));
  }
  // The renderer silently ignores a toggle whose target does not exist: report it.
  for (const action of card.getAllActions()) {
    if (action instanceof AC.ToggleVisibilityAction) {
      for (const id of Object.keys(action.targetElements)) {
        if (!card.getElementById(id)) {
          problems.push(problem(name, AC.ValidationEvent.Other, `Action "${action.title}" toggles "${id}", which is not in the card.`));
        }
      }
    }
  }
  return problems;
}

function main(args) {
  if (args.length !== 2) {
    console.error("usage: node validate.js <cards folder | cards.jsonl> <host-config.json>");
    return 2;
  }
  const [source, hostConfigPath] = args;
  let cards, hostConfig;
  try {
    cards = readCards(source);
    hostConfig = new AC.HostConfig(JSON.parse(fs.readFileSync(hostConfigPath, "utf8")));
  } catch (error) {
    console.error(`cannot read input: ${error.message}`);
    return 2;
  }
  const problems = cards.flatMap(({ name, card }) => checkCard(name, card, hostConfig));
  console.log(JSON.stringify({ cards: cards.length, problems }, null, 2));
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
