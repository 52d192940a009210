// Browser checks of the built brief in headless Debian chromium, driven by playwright-core:
//   axe-core (WCAG 2.0/2.1/2.2 A and AA, best practice), no horizontal overflow at phone and desktop widths,
//   and no request leaving the file (everything that is not file: or data: is blocked and reported).
// Usage: node tests/browser_checks.mjs BRIEF.html TOOLS_DIR   -> prints one JSON report on stdout.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [htmlPath, toolsDir] = process.argv.slice(2);
if (!htmlPath || !toolsDir) {
  console.error("usage: node browser_checks.mjs BRIEF.html TOOLS_DIR");
  process.exit(2);
}
const require = createRequire(join(resolve(toolsDir), "package.json"));
const { chromium } = require("playwright-core");
const axePath = require.resolve("axe-core/axe.min.js");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WIDTHS = [375, 1440];
const profile = mkdtempSync(join(tmpdir(), "brief-chromium-"));
const report = { violations: [], overflow: {}, external_requests: [], requests: 0 };

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
  await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: "load" });

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    report.overflow[width] = await page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      const wide = [];
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        // Content that scrolls inside its own box (wide tables) is fine; anything poking out of the page is not.
        if (box.width > 0 && (box.right > viewport + 1 || box.left < -1) && !element.closest(".table-scroll")) {
          wide.push(`${element.tagName.toLowerCase()}${element.className ? "." + String(element.className).split(" ")[0] : ""} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
        }
      }
      return { viewport, scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
               wide: wide.slice(0, 10) };
    });
  }

  // axe-core at both widths: the phone layout (tables as cards) has its own rules to pass.
  await page.addScriptTag({ path: axePath });
  const seen = new Map();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const results = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        resultTypes: ["violations"],
      });
    });
    report.axe_version = results.testEngine.version;
    for (const v of results.violations) {
      if (seen.has(v.id)) continue;
      seen.set(v.id, {
        id: v.id, impact: v.impact, help: v.help, width,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
        count: v.nodes.length,
      });
    }
  }
  report.violations = [...seen.values()];
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
report.external_requests = [...new Set(report.external_requests)];
console.log(JSON.stringify(report, null, 1));
