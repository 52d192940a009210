// The preview as a writer uses it: a page open in headless chromium, a file saved, the page reloading by itself.
// Usage: node tests/preview_check.mjs TOOLS_DIR URL FILE OLD NEW
//   opens URL, checks that the page shows no NEW yet, replaces the first OLD with NEW in FILE (as an editor's save
//   would) and waits up to 60 s for the open page, never reloaded by this script, to show NEW.
// Prints one JSON report: {"before": bool, "seen": bool, "seconds": float, "reloads": int}.
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [toolsDir, url, file, oldText, newText] = process.argv.slice(2);
if (!toolsDir || !url || !file || !oldText || !newText) {
  console.error("usage: node preview_check.mjs TOOLS_DIR URL FILE OLD NEW");
  process.exit(2);
}
const require = createRequire(join(resolve(toolsDir), "package.json"));
const { chromium } = require("playwright-core");

const profile = mkdtempSync(join(tmpdir(), "brief-preview-"));
const report = { before: false, seen: false, seconds: null, reloads: 0 };
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.BRIEF_CHROMIUM || "/usr/bin/chromium",
  headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const shows = async (page, text) => {
  try {
    return await page.evaluate((t) => document.body !== null && document.body.innerText.includes(t), text);
  } catch (error) {
    return false; // the page is between two loads
  }
};
try {
  const page = await context.newPage();
  page.on("load", () => { report.reloads += 1; });
  await page.goto(url, { waitUntil: "load" });
  report.reloads = 0;
  report.before = await shows(page, newText);
  const source = readFileSync(file, "utf-8");
  if (!source.includes(oldText)) throw new Error(`${file} does not contain ${JSON.stringify(oldText)}`);
  const saved = Date.now();
  writeFileSync(file, source.replace(oldText, newText));
  while (Date.now() - saved < 60000) {
    if (await shows(page, newText)) {
      report.seen = true;
      report.seconds = (Date.now() - saved) / 1000;
      break;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
