"use strict";
// Renders each card with the official Adaptive Cards renderer in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; nothing is downloaded) and writes <name>.png.
//
//   node render.js <cards folder | cards.jsonl> <host-config.json> <output folder> [filter]
//   node render.js --check <width> <cards folder | cards.jsonl> <host-config.json> [filter]
//
// --check draws every card (and its unfolded form) at <width> px without pictures and prints
// {cards, problems[]}: a button whose title is cut, a text or element wider than the card. Exit
// code 1 when there is a problem.
//
// filter: a regular expression on the card names (default: all). Each card is drawn twice: at a
// phone's width (340 px of card, <name>.phone.png) and at Teams desktop's (500 px, <name>.png). A
// card with hidden parts (help text, statute text behind a toggle) is also drawn unfolded, as
// <name>.expanded.png and <name>.phone.expanded.png. Markdown is processed with
// markdown-it, as Teams processes TextBlock Markdown. Exit code 1 if a card fails to render.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const { readCards } = require("./cards-source");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const WIDTH = 532; // the widest card plus the page's margins.
// The card's width in a phone's chat (a 360-390 px screen less Teams' margins) and in Teams desktop's.
const SIZES = [{ suffix: ".phone", width: 340 }, { suffix: "", width: 500 }];
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const moduleFile = (relative) => require.resolve(relative);

// The same card with every hidden element shown, as after clicking each toggle; null if none is hidden.
function expanded(card) {
  let hidden = false;
  const reveal = (node) => {
    if (Array.isArray(node)) return node.map(reveal);
    if (node === null || typeof node !== "object") return node;
    const copy = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "isVisible" && value === false) { hidden = true; continue; }
      copy[key] = reveal(value);
    }
    return copy;
  };
  const shown = reveal(card);
  return hidden ? shown : null;
}

async function renderCard(page, card, hostConfig) {
  return page.evaluate(({ card, hostConfig }) => {
    // The renderer's "lang" check keeps state between cards (a /g regular expression): reset it.
    AdaptiveCards.CardElement.langProperty.regEx.lastIndex = 0;
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    adaptiveCard.parse(card);
    const element = adaptiveCard.render();
    if (!element) return "the renderer returned nothing";
    const host = document.getElementById("host");
    host.replaceChildren(element);
    return null;
  }, { card, hostConfig });
}

// What does not fit at the card's width: buttons whose title the renderer cuts ("…"), elements that stick out.
function cutOrOverflowing() {
  const host = document.getElementById("host");
  const problems = [];
  for (const button of host.querySelectorAll("button")) {
    for (const node of [button, ...button.querySelectorAll("*")]) {
      if (node.scrollWidth > node.clientWidth + 1) {
        problems.push(`button "${button.textContent.trim()}" is cut`);
        break;
      }
    }
  }
  const box = host.getBoundingClientRect();
  for (const node of host.querySelectorAll("*")) {
    const rect = node.getBoundingClientRect();
    if (rect.width > 0 && rect.right > box.right + 1) {
      problems.push(`"${(node.textContent || node.tagName).trim().slice(0, 40)}" sticks out by ${Math.round(rect.right - box.right)} px`);
      break;
    }
  }
  return problems;
}

// The cards whose names match, each followed by its unfolded form when it hides parts.
function cardsToDraw(source, filter) {
  const pattern = new RegExp(filter ?? ".");
  return readCards(source)
    .filter(({ name }) => pattern.test(name))
    .flatMap(({ name, card }) => {
      const unfolded = expanded(card);
      return unfolded ? [{ name, card }, { name: `${name}.expanded`, card: unfolded }] : [{ name, card }];
    });
}

// Headless Chromium with the renderer loaded in a page: draw(page, pageErrors) does the work.
async function withRenderer(draw) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "secretbot-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: WIDTH, height: 400 },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="host"></div></body></html>');
    await page.addStyleTag({ path: path.join(__dirname, "teams-look.css") });
    await page.addScriptTag({ path: moduleFile("markdown-it/dist/markdown-it.min.js") });
    await page.addScriptTag({ path: moduleFile("adaptivecards/dist/adaptivecards.min.js") });
    return await draw(page, pageErrors);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const setWidth = (page, width) => page.evaluate((width) => { document.getElementById("host").style.width = `${width}px`; }, width);

async function check(args) {
  const [width, source, hostConfigPath, filter] = args;
  const cards = cardsToDraw(source, filter);
  const hostConfig = JSON.parse(fs.readFileSync(hostConfigPath, "utf8"));
  const problems = await withRenderer(async (page, pageErrors) => {
    const found = [];
    await setWidth(page, Number(width));
    for (const { name, card } of cards) {
      const error = await renderCard(page, card, hostConfig);
      if (error || pageErrors.length > 0) {
        found.push(`${name}: ${error ?? pageErrors.splice(0).join("; ")}`);
        continue;
      }
      for (const problem of await page.evaluate(cutOrOverflowing)) found.push(`${name}: ${problem}`);
    }
    return found;
  });
  console.log(JSON.stringify({ cards: cards.length, problems }));
  return problems.length === 0 ? 0 : 1;
}

async function main(args) {
  if (args[0] === "--check") return check(args.slice(1));
  if (args.length < 3) {
    console.error("usage: node render.js <cards folder | cards.jsonl> <host-config.json> <output folder> [filter]");
    return 2;
  }
  const [source, hostConfigPath, outDir, filter] = args;
  const cards = cardsToDraw(source, filter);
  const hostConfig = JSON.parse(fs.readFileSync(hostConfigPath, "utf8"));
  fs.mkdirSync(outDir, { recursive: true });
  const failures = await withRenderer(async (page, pageErrors) => {
    let failed = 0;
    for (const { suffix, width } of SIZES) {
      await setWidth(page, width);
      for (const { name, card } of cards) {
        const error = await renderCard(page, card, hostConfig);
        if (error || pageErrors.length > 0) {
          failed++;
          console.error(`${name}: ${error ?? pageErrors.splice(0).join("; ")}`);
          continue;
        }
        // <name>.phone.png, <name>.phone.expanded.png; <name>.png, <name>.expanded.png.
        const unfolded = name.endsWith(".expanded");
        const base = unfolded ? name.slice(0, -".expanded".length) : name;
        const file = path.join(outDir, `${base}${suffix}${unfolded ? ".expanded" : ""}.png`);
        await page.locator("#host").screenshot({ path: file });
        console.log(file);
      }
    }
    return failed;
  });
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});
