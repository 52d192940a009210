// Browser checks of the built brief in headless Debian chromium, driven by playwright-core:
//   axe-core (WCAG 2.0/2.1/2.2 A and AA, best practice), no horizontal overflow at phone and desktop widths,
//   and no request leaving the file (everything that is not file: or data: is blocked and reported).
// and, on the first page, that a citation shows the words it rests on with the mouse, with the keyboard, and as the
// link's accessible description.
// Usage: node tests/browser_checks.mjs TOOLS_DIR PAGE.html [PAGE.html ...]   -> prints one JSON report on stdout.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [toolsDir, ...htmlPaths] = process.argv.slice(2);
if (!toolsDir || !htmlPaths.length) {
  console.error("usage: node browser_checks.mjs TOOLS_DIR PAGE.html [PAGE.html ...]");
  process.exit(2);
}
const require = createRequire(join(resolve(toolsDir), "package.json"));
const { chromium } = require("playwright-core");
const axePath = require.resolve("axe-core/axe.min.js");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WIDTHS = [375, 1440];
const profile = mkdtempSync(join(tmpdir(), "brief-chromium-"));
const report = { violations: [], overflow: {}, external_requests: [], requests: 0, pages: {}, citation: null };

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.BRIEF_CHROMIUM || "/usr/bin/chromium",
  headless: true, args: ARGS, offline: true, javaScriptEnabled: true,
  viewport: { width: WIDTHS[0], height: 800 },
});
try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    report.requests += 1;
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    report.external_requests.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("data:") && !report.external_requests.includes(url)) {
      report.external_requests.push(url);
    }
  });
  await page.addInitScript({ path: axePath });
  const seen = new Map();
  for (const [index, htmlPath] of htmlPaths.entries()) {
    const name = htmlPath.split("/").slice(-2).join("/");
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: "load" });
    report.overflow[name] = {};
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(50);
      report.overflow[name][width] = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const wide = [];
        for (const element of document.body.querySelectorAll("*")) {
          const box = element.getBoundingClientRect();
          const hidden = getComputedStyle(element).display === "none" || element.closest(".quote-pop");
          // Content that scrolls inside its own box (wide tables, code) is fine; anything poking out of the page is not.
          if (!hidden && box.width > 0 && (box.right > viewport + 1 || box.left < -1) && !element.closest(".table-scroll, pre")) {
            wide.push(`${element.tagName.toLowerCase()}${element.className ? "." + String(element.className).split(" ")[0] : ""} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
          }
        }
        return { viewport, scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
                 wide: wide.slice(0, 10) };
      });
      // axe-core at both widths: the phone layout (tables as cards) has its own rules to pass.
      const results = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          resultTypes: ["violations"],
        });
      });
      report.axe_version = results.testEngine.version;
      for (const v of results.violations) {
        const key = `${name}:${v.id}`;
        if (seen.has(key)) continue;
        seen.set(key, {
          id: v.id, page: name, impact: v.impact, help: v.help, width,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
          count: v.nodes.length,
        });
      }
    }
    report.pages[name] = true;
    if (index === 0) report.citation = await citationCheck(page);
  }
  report.violations = [...seen.values()];
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
report.external_requests = [...new Set(report.external_requests)];

// A citation with quotations: shown on hover, shown on keyboard focus, and its accessible description holds them.
async function citationCheck(page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const link = page.locator("a.cite[aria-describedby]").first();
  if ((await link.count()) === 0) return { found: false };
  const popId = await link.getAttribute("aria-describedby");
  const pop = page.locator(`[id="${popId}"]`);
  const visible = async () => pop.evaluate((el) => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0);
  await link.scrollIntoViewIfNeeded();
  const before = await visible();
  await link.hover();
  const onHover = await visible();
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const afterLeave = await visible();
  let onKeyboard = false;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate((id) => document.activeElement && document.activeElement.getAttribute("aria-describedby") === id, popId);
    if (focused) { onKeyboard = await visible(); break; }
  }
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const described = nodes.find((n) => n.role && n.role.value === "link" && n.description && n.description.value
    && (n.description.value.includes("“") || n.description.value.includes("\u201c")));
  const quote = (await pop.textContent()) || "";
  return { found: true, before, onHover, afterLeave, onKeyboard, quote: quote.slice(0, 120),
           description: described ? described.description.value.slice(0, 120) : null,
           name: described && described.name ? described.name.value : null };
}
console.log(JSON.stringify(report, null, 1));
