// End-to-end tests of `cancu serve` in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is downloaded). Starts the server on a free loopback
// port, then: search, open a document, follow a citation, link the founding plan, print view,
// Word downloads (document, linker result; the .docx unzipped and its document.xml read), the
// whole-document print of Bộ luật Lao động (a second server on the code imported from
// ../shared/corpus/samples), the document's tabs, its relation diagram and per-article
// cited-by, the not-found notice, topic browsing, mobile layout, no-JavaScript mode and script
// injection. Screenshots and downloads go to tests/artifacts/.
//
// Environment: CANCU_BIN (the cancu binary), CANCU_CORPUS (corpus dir; default: the invented
// fixtures in tests/fixtures/web), CANCU_INDEX, CHROMIUM (default /usr/bin/chromium),
// CANCU_REQUIRE_SHARED=1 (the founding plan in ../shared must be there).

import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, openSync, mkdtempSync, rmSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const artifacts = join(root, "tests/artifacts");
mkdirSync(artifacts, { recursive: true });
const bin = process.env.CANCU_BIN || join(process.env.CARGO_TARGET_DIR || join(root, "target"), "debug/cancu");
const corpus = process.env.CANCU_CORPUS || join(root, "tests/fixtures/web");
const plan = join(root, "../shared/plans/ke-hoach-qcdc-2024.txt");

let failures = 0;
const results = [];
let notes = [];
async function step(name, fn) {
  const t = Date.now();
  notes = [];
  try {
    await fn();
    results.push(`ok    ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    failures++;
    results.push(`FAIL  ${name}: ${e && e.message ? e.message.split("\n")[0] : e}`);
    console.error(e);
  }
  results.push(...notes);
}
function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
    s.on("error", rej);
  });
}

async function waitUp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not come up at ${url}`);
}


/// One member of a zip file (stored or deflated), as text: enough to read a .docx.
function unzipText(buf, name) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10), size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString("utf8", at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the zip`);
}

/// Clicks `locator`, waits for the download it starts, saves it under tests/artifacts.
async function downloadBy(page, locator, saveAs) {
  const [dl] = await Promise.all([page.waitForEvent("download"), locator.click()]);
  const path = join(artifacts, saveAs);
  await dl.saveAs(path);
  return { path, name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const args = ["serve", "--addr", `127.0.0.1:${port}`, "--corpus", corpus];
if (process.env.CANCU_INDEX) args.push("--index", process.env.CANCU_INDEX);
const serverLog = openSync(join(artifacts, "server.log"), "w");
const server = spawn(bin, args, { stdio: ["ignore", serverLog, serverLog], cwd: root });
let serverExited = false;
server.on("exit", () => (serverExited = true));
// Whatever happens, the server does not outlive this script.
process.on("exit", () => server.kill("SIGKILL"));
process.on("uncaughtException", (e) => {
  console.error(e);
  process.exit(2);
});
process.on("unhandledRejection", (e) => {
  console.error(e);
  process.exit(2);
});
await waitUp(`${base}/api/health`, 120000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    // playwright gives the browser a fresh temporary profile (--user-data-dir) itself.
  ],
});

const pageErrors = [];
async function newPage(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", ...opts });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on("dialog", async (d) => {
    pageErrors.push(`unexpected dialog on ${page.url()}: ${d.message()}`);
    await d.dismiss();
  });
  return page;
}
const shot = (page, name, fullPage = true) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });

const page = await newPage();

await step("search: type a query, get highlighted hits", async () => {
  await page.goto(`${base}/`);
  await shot(page, "01-start", false);
  await page.fill("form.search input[name=q]", "bầu trưởng thôn");
  await Promise.all([page.waitForURL(/\?q=/), page.press("form.search input[name=q]", "Enter")]);
  const hits = await page.locator("li.hit").count();
  check(hits > 0, "no hits");
  check((await page.locator("li.hit mark").count()) > 0, "no highlighted words");
  check((await page.locator("aside.facets li").count()) > 0, "no facet counts");
  await shot(page, "02-search");
});

await step("search: the results come before the facets (order, keyboard, print)", async () => {
  // In the page's order (screen readers, narrow screens) the first result precedes the facets.
  const after = await page.evaluate(() =>
    Boolean(document.querySelector("li.hit").compareDocumentPosition(document.querySelector("aside.facets")) & Node.DOCUMENT_POSITION_FOLLOWING));
  check(after, "the facets come before the first result in the page's order");
  // On a wide screen they sit beside the results, at the right.
  const hit = await page.locator("li.hit").first().boundingBox();
  const aside = await page.locator("aside.facets").boundingBox();
  check(aside.x > hit.x && aside.y < hit.y + hit.height, `facets not beside the results: ${JSON.stringify({ hit, aside })}`);
  // From the keyboard: the link in the count line takes the focus down to the facets.
  await page.locator("p.total a[href='#loc-ket-qua']").focus();
  await page.keyboard.press("Enter");
  check(page.url().endsWith("#loc-ket-qua"), `the link to the facets went to ${page.url()}`);
  // A collapsed tail opens with the keyboard and its values are links.
  const more = page.locator("aside.facets details.more summary");
  if ((await more.count()) > 0) {
    await more.first().focus();
    await page.keyboard.press("Enter");
    check(await page.locator("aside.facets details.more").first().evaluate((d) => d.open), "details did not open");
  }
  // Printed: the results, without the facets.
  await page.emulateMedia({ media: "print" });
  check(await page.locator("li.hit").first().isVisible(), "no result in print");
  check(!(await page.locator("aside.facets").isVisible()), "facets printed");
  await page.emulateMedia({ media: "screen" });
});

await step("search: a facet narrows the results", async () => {
  const before = await page.locator("p.total").innerText();
  const link = page.locator("aside.facets section.facet").first().locator(":scope > ul a").last();
  await Promise.all([page.waitForLoadState("load"), link.click()]);
  check(page.url().includes("type="), `facet link did not filter: ${page.url()}`);
  check((await page.locator("p.chips a.chip").count()) > 0, "no active filter chip");
  notes.push(`      (${before} → ${await page.locator("p.total").innerText()})`);
  await page.goBack();
});

let docUrl = "";
await step("open a document from a hit; anchors for article, khoản, điểm", async () => {
  await Promise.all([page.waitForLoadState("load"), page.locator("li.hit h2 a").first().click()]);
  docUrl = page.url();
  check(/\/van-ban\/[a-z0-9-]+#dieu-/.test(docUrl), `not an article URL: ${docUrl}`);
  const id = decodeURIComponent(new URL(docUrl).hash.slice(1));
  check(await page.locator(`[id="${id}"]`).isVisible(), `anchor ${id} not visible`);
  check((await page.locator("section.dieu p[id*='-khoan-']").count()) > 0, "no khoản anchors");
  check((await page.locator(".badge").count()) > 0, "no validity badge");
  check((await page.locator("ol.toc a").count()) > 0, "no table of contents");
  await shot(page, "03-document", false);
});

await step("follow a citation (or a relation) to its target", async () => {
  let link = page.locator("a.cite");
  let kind = "citation in the text";
  if ((await link.count()) === 0) {
    await page.goto(`${docUrl.split("#")[0]}?tab=luoc-do`);
    link = page.locator("#quan-he ul a[href^='/van-ban/']");
    kind = "relation panel";
  }
  if ((await link.count()) === 0) {
    // The first hit had neither: open the decree of the fixtures (it details the law).
    await page.goto(`${base}/?q=${encodeURIComponent("chi tiết")}`);
    await Promise.all([page.waitForLoadState("load"), page.locator("li.hit h2 a").first().click()]);
    await page.goto(`${page.url().split("#")[0]}?tab=luoc-do`);
    link = page.locator("#quan-he ul a[href^='/van-ban/']");
  }
  check((await link.count()) > 0, "no citation or relation link on the page");
  const from = page.url();
  const href = await link.first().getAttribute("href");
  await Promise.all([page.waitForLoadState("load"), link.first().click()]);
  check(page.url() !== from && page.url().includes("/van-ban/"), `did not navigate: ${page.url()}`);
  const hash = new URL(page.url()).hash;
  if (hash) check(await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).isVisible(), `target ${hash} not visible`);
  notes.push(`      (${kind}: ${href})`);
  await shot(page, "04-citation-target", false);
});

await step("link the founding plan", async () => {
  if (!existsSync(plan)) {
    if (process.env.CANCU_REQUIRE_SHARED === "1") throw new Error(`${plan} is missing`);
    notes.push("      skipped: ../shared is absent");
    return;
  }
  await page.goto(`${base}/lien-ket`);
  await page.fill("textarea[name=text]", readFileSync(plan, "utf8"));
  await Promise.all([page.waitForLoadState("load"), page.click("form.linker button[type=submit]")]);
  check(page.url().endsWith("/lien-ket"), page.url());
  check((await page.locator("h1").innerText()).includes("Kết quả"), "no result page");
  const cites = await page.locator(".plan-text .cite").count();
  const linked = await page.locator(".plan-text a.cite").count();
  const warnings = await page.locator(".plan-warnings li").count();
  check(cites > 10, `only ${cites} citations marked in the plan`);
  check(linked > 0, "no citation of the plan linked to a document");
  check(warnings > 0, "no warnings on the founding plan");
  notes.push(`      (${cites} citations marked, ${linked} linked to the corpus, ${warnings} warnings)`);
  await shot(page, "05-plan-linked");
  // Follow one linked citation of the plan to its source.
  const href = await page.locator(".plan-text a.cite").first().getAttribute("href");
  await Promise.all([page.waitForLoadState("load"), page.locator(".plan-text a.cite").first().click()]);
  check(page.url().includes("/van-ban/"), `plan citation did not open a document: ${page.url()}`);
  notes.push(`      (followed ${href})`);
  await shot(page, "05b-plan-citation-target", false);
});

await step("print view: tick two articles, print page with print CSS", async () => {
  await page.goto(docUrl.split("#")[0]);
  const boxes = page.locator("input[name=a]");
  const n = Math.min(2, await boxes.count());
  check(n > 0, "no print checkboxes");
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await Promise.all([page.waitForURL(/\/in\?/), page.click(".print-bar button[type=submit]")]);
  check((await page.locator("main.printed section.dieu").count()) === n, "wrong number of printed articles");
  await page.emulateMedia({ media: "print" });
  check(!(await page.locator(".print-actions").isVisible()), "screen-only controls visible in print");
  await shot(page, "06-print");
  await page.pdf({ path: join(artifacts, "06-print.pdf"), format: "A4" });
  await page.emulateMedia({ media: "screen" });
});


await step("Word download of a document: the .docx holds the article text", async () => {
  const id = new URL(docUrl).pathname.split("/").pop();
  await page.goto(`${base}/in?a=${id}`);
  const heading = (await page.locator("main.printed section.dieu h3").first().innerText()).trim();
  const para = (await page.locator("main.printed section.dieu p").first().innerText()).trim();
  const { name, bytes } = await downloadBy(page, page.locator("a.download"), "document.docx");
  check(name.endsWith(".docx"), `download named ${name}`);
  const xml = unzipText(bytes, "word/document.xml");
  check(xml.includes(`>${heading}</w:t>`), `article heading "${heading}" is not one run of document.xml`);
  check(xml.includes(para.slice(0, 40)), `article text "${para.slice(0, 40)}" not in document.xml`);
  // The document's own route gives a Word file too.
  const r = await fetch(`${base}/van-ban/${id}.docx`);
  check(r.ok && r.headers.get("content-type").includes("wordprocessingml"), `GET /van-ban/${id}.docx: ${r.status}`);
  check(/filename\*=UTF-8''/.test(r.headers.get("content-disposition")), "no RFC 5987 file name");
  notes.push(`      (${name}: ${bytes.length} bytes, heading "${heading}")`);
});

await step("linker: warnings first, export as Word and Markdown", async () => {
  const text = existsSync(plan)
    ? readFileSync(plan, "utf8")
    : "Hà Nội, ngày 1 tháng 3 năm 2024\n1. Thực hiện Luật số 10/2022/QH15 và Chỉ thị số 77-CT/TU ngày 1/2/2020.";
  await page.goto(`${base}/lien-ket`);
  await page.fill("textarea[name=text]", text);
  await Promise.all([page.waitForLoadState("load"), page.click("form.linker button[type=submit]")]);
  const order = await page.evaluate(() => {
    const y = (s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1;
    return [y("p.summary"), y("section.plan-warnings"), y("section.plan-text")];
  });
  check(order[0] >= 0 && order[0] < order[1] && order[1] < order[2], `summary, warnings, text not in that order: ${order}`);
  const summary = await page.locator("p.summary").innerText();
  check(/trích dẫn: \d+ đã xác định/.test(summary), `summary: ${summary}`);
  await shot(page, "12-linker-warnings-first", false);
  const docx = await downloadBy(page, page.locator("form[action='/lien-ket.docx'] button"), "ket-qua-lien-ket.docx");
  const xml = unzipText(docx.bytes, "word/document.xml");
  check(xml.includes("Cảnh báo (") && xml.indexOf("Cảnh báo (") < xml.indexOf("Văn bản</w:t>"), "Word export: no warnings before the text");
  // The sources per clause, and links that open from Word: absolute, on the server's address.
  check(xml.includes(">Nguồn trích dẫn theo từng mục<") && xml.includes(">Các mục dẫn từng văn bản<"), "Word export: no sources per clause");
  const rels = unzipText(docx.bytes, "word/_rels/document.xml.rels");
  check(xml.includes("<w:hyperlink") && rels.includes(`Target="${base}/van-ban/`), "Word export: no hyperlink to the server's pages");
  const md = await downloadBy(page, page.locator("form[action='/lien-ket.md'] button"), "ket-qua-lien-ket.md");
  check(md.bytes.toString("utf8").startsWith("**Kết quả:**"), "Markdown export does not open with the summary");
  notes.push(`      (${summary}; ${docx.name} ${docx.bytes.length} bytes, ${md.name} ${md.bytes.length} bytes)`);
});

await step("whole-document print of Bộ luật Lao động (220 articles, one page)", async () => {
  const sample = join(root, "../shared/corpus/samples/bo-luat-lao-dong-2019.txt");
  if (!existsSync(sample)) {
    if (process.env.CANCU_REQUIRE_SHARED === "1") throw new Error(`${sample} is missing`);
    notes.push("      skipped: ../shared is absent");
    return;
  }
  // A second server on the code alone, imported into a temporary corpus.
  const dir = mkdtempSync(join(tmpdir(), "cancu-e2e-blld-"));
  const imp = spawn(bin, ["import", sample, "--corpus", join(dir, "corpus")], { stdio: "ignore", cwd: root });
  const code = await new Promise((res) => imp.on("exit", res));
  check(code === 0, `import exited ${code}`);
  const port2 = await freePort();
  const base2 = `http://127.0.0.1:${port2}`;
  const log2 = openSync(join(artifacts, "server-blld.log"), "w");
  const server2 = spawn(bin, ["serve", "--addr", `127.0.0.1:${port2}`, "--corpus", join(dir, "corpus"), "--index", join(dir, "index")], { stdio: ["ignore", log2, log2], cwd: root });
  process.on("exit", () => server2.kill("SIGKILL"));
  try {
    await waitUp(`${base2}/api/health`, 120000);
    const r = await (await fetch(`${base2}/api/resolve?ref=${encodeURIComponent("45/2019/QH14")}`)).json();
    const id = r.document?.id || r.id || (r.documents && r.documents[0]?.id);
    check(id, `45/2019/QH14 not resolved: ${JSON.stringify(r).slice(0, 200)}`);
    const resp = await page.goto(`${base2}/in?a=${id}`);
    check(resp.status() === 200 && !page.url().includes("#"), `print answered ${resp.status()} at ${page.url()}`);
    const n = await page.locator("main.printed section.dieu").count();
    check(n > 200, `only ${n} articles printed`);
    const head = await page.locator("dl.print-meta").first().innerText();
    for (const w of ["Cơ quan ban hành", "Ngày ban hành", "Tình trạng hiệu lực", "Ngày in"]) check(head.includes(w), `print header lacks ${w}`);
    await page.emulateMedia({ media: "print" });
    await shot(page, "13-print-bo-luat-lao-dong", false);
    await page.pdf({ path: join(artifacts, "13-print-bo-luat-lao-dong.pdf"), format: "A4" });
    await page.emulateMedia({ media: "screen" });
    notes.push(`      (${n} articles on one page)`);
  } finally {
    // Stop the second server, then remove its corpus and index (each run used to leave them
    // in the temporary folder).
    const exited = server2.exitCode !== null || server2.signalCode !== null
      ? Promise.resolve()
      : new Promise((res) => server2.on("exit", res));
    server2.kill("SIGINT");
    await Promise.race([exited, new Promise((res) => setTimeout(res, 10000))]);
    rmSync(dir, { recursive: true, force: true });
  }
});

await step("Pháp điển browsing", async () => {
  await page.goto(`${base}/phap-dien`);
  const demuc = page.locator("ol.demuc-list a");
  if ((await demuc.count()) === 0) {
    notes.push("      (no Pháp điển articles in this corpus)");
    return;
  }
  await Promise.all([page.waitForLoadState("load"), demuc.first().click()]);
  check((await page.locator("ul.pd-articles a").count()) > 0, "no articles in the đề mục");
  await shot(page, "07-phapdien", false);
});

// Documents of the first hits of a query, as page paths.
async function docsOf(q) {
  const r = await fetch(`${base}/api/search?per_page=20&q=${encodeURIComponent(q)}`);
  const ids = [...new Set((await r.json()).hits.map((h) => h.id))];
  return ids.map((id) => `${base}/van-ban/${id}`);
}
// The first of `urls` whose HTML contains `marker`.
async function firstWith(urls, marker) {
  for (const u of urls) {
    const html = await (await fetch(u)).text();
    if (html.includes(marker)) return u;
  }
  return null;
}

await step("document tabs: plain links, each answering its part, without JavaScript", async () => {
  const p = await newPage({ javaScriptEnabled: false });
  await p.goto(docUrl.split("#")[0]);
  const tabs = p.locator("nav.tabs a");
  check((await tabs.count()) === 5, `expected 5 tabs, got ${await tabs.count()}`);
  check((await p.locator("nav.tabs a[aria-current=page]").innerText()).startsWith("Toàn văn"), "Toàn văn not current");
  const parts = [
    ["Thuộc tính", "dl.meta", "12-tab-thuoc-tinh"],
    ["Lược đồ", "#quan-he", "13-tab-luoc-do"],
    ["Lịch sử", "#lich-su-hieu-luc", "14-tab-lich-su"],
    ["Tải về", "#tai-ve a[href$='.docx']", "15-tab-tai-ve"],
  ];
  for (const [name, sel, file] of parts) {
    await Promise.all([p.waitForLoadState("load"), p.locator("nav.tabs a", { hasText: name }).click()]);
    check((await p.locator("nav.tabs a[aria-current=page]").innerText()).startsWith(name), `${name} not current`);
    check(await p.locator(sel).first().isVisible(), `${name}: ${sel} not shown`);
    await shot(p, file, false);
  }
  await p.context().close();
});

await step("relation diagram: server-drawn SVG whose boxes are links", async () => {
  const urls = (await docsOf("bầu trưởng thôn")).map((u) => `${u}?tab=luoc-do`);
  const url = await firstWith(urls, "<svg");
  check(url, "no document with a relation diagram among the first hits");
  await page.goto(url);
  const nodes = page.locator("figure.diagram svg a.node");
  check((await nodes.count()) > 0, "no linked box in the diagram");
  check(await page.locator("figure.diagram svg .center").isVisible(), "no central box");
  check((await page.locator("details.rel-group summary .count").count()) > 0, "no counted relation group");
  await shot(page, "16-diagram");
  const from = page.url();
  await Promise.all([page.waitForLoadState("load"), nodes.first().click()]);
  check(page.url() !== from && page.url().includes("/van-ban/"), `diagram box did not open a document: ${page.url()}`);
});

await step("per-article cited-by opens the citing articles", async () => {
  const url = await firstWith(await docsOf("bầu trưởng thôn"), "details class=\"cited-by\"");
  check(url, "no article with “được trích dẫn bởi” among the first hits");
  await page.goto(url);
  const box = page.locator("details.cited-by").first();
  await box.scrollIntoViewIfNeeded();
  check((await box.locator("summary").innerText()).startsWith("Được trích dẫn bởi"), "summary text");
  check(!(await box.locator("li a").first().isVisible()), "cited-by list open before a click");
  await box.locator("summary").click();
  check(await box.locator("li a").first().isVisible(), "cited-by list did not open");
  await shot(page, "17-cited-by", false);
  await Promise.all([page.waitForLoadState("load"), box.locator("li a").first().click()]);
  check(page.url().includes("/van-ban/"), `citing article did not open: ${page.url()}`);
});

await step("a number the corpus lacks: a plain notice and the official search", async () => {
  await page.goto(`${base}/?q=${encodeURIComponent("nghị định 999/2099/NĐ-CP")}`);
  const box = page.locator("section.not-found");
  check(await box.isVisible(), "no not-found notice");
  check((await box.innerText()).includes("Không có văn bản số Nghị định 999/2099/NĐ-CP"), await box.innerText());
  check((await box.locator("a[href^='https://vbpl.vn/']").count()) === 1, "no link to the official portal");
  await shot(page, "18-not-found", false);
});

await step("topic browse: chủ đề, titled đề mục, breadcrumb, search within", async () => {
  await page.goto(`${base}/phap-dien`);
  const topics = page.locator("section.topic");
  if ((await topics.count()) === 0) {
    notes.push("      (no Pháp điển articles in this corpus)");
    return;
  }
  check((await topics.first().locator("h2").innerText()).startsWith("Chủ đề"), "no chủ đề heading");
  await shot(page, "19-topics", false);
  const titled = page.locator("ol.demuc-list a", { hasText: /Đề mục [0-9.]+\. / });
  check((await titled.count()) > 0, "no đề mục shown with its title");
  await Promise.all([page.waitForLoadState("load"), titled.first().click()]);
  check((await page.locator("nav.breadcrumb a").count()) === 2, "no breadcrumb");
  const demuc = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  await page.fill("section.prose form.search input[name=q]", "thôn");
  await Promise.all([page.waitForURL(/demuc=/), page.press("section.prose form.search input[name=q]", "Enter")]);
  check((await page.locator("p.chips a.chip").innerText()).includes(`Đề mục ${demuc}`), "no đề mục chip");
  await shot(page, "20-search-in-demuc", false);
});

await step("mobile layout", async () => {
  const m = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await m.goto(docUrl);
  const overflow = await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `horizontal overflow of ${overflow}px on a phone`);
  await shot(m, "08-mobile-document", false);
  await m.goto(`${base}/?q=${encodeURIComponent("bầu trưởng thôn")}`);
  // On a phone the facets come below the results.
  const hit = await m.locator("li.hit").first().boundingBox();
  const aside = await m.locator("aside.facets").boundingBox();
  check(aside.y > hit.y, `facets above the first result on a phone: ${JSON.stringify({ hit, aside })}`);
  await shot(m, "09-mobile-search", false);
  await m.context().close();
});

await step("works without JavaScript", async () => {
  const p = await newPage({ javaScriptEnabled: false });
  await p.goto(`${base}/`);
  await p.fill("form.search input[name=q]", "trưởng thôn");
  await Promise.all([p.waitForURL(/\?q=/), p.click("form.search button[type=submit]")]);
  check((await p.locator("li.hit").count()) > 0, "no hits without JS");
  await p.selectOption("form.search select[name=status]", "in_force");
  await Promise.all([p.waitForURL(/status=in_force/), p.click("form.search noscript button, form.search .filters button")]);
  await shot(p, "10-no-js-filtered", false);
  await p.context().close();
});

await step("script injection renders as text", async () => {
  const evil = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`;
  await page.goto(`${base}/?q=${encodeURIComponent(evil)}`);
  check((await page.evaluate(() => window.__pwned)) === undefined, "query script ran");
  check((await page.locator("form.search input[name=q]").inputValue()) === evil, "query not echoed verbatim");
  const r = await fetch(`${base}/api/search?q=${encodeURIComponent("script")}`);
  const hostile = (await r.json()).hits.find((h) => h.title.includes("<") || h.snippet.includes("<script"));
  if (hostile) {
    await page.goto(`${base}/van-ban/${hostile.id}`);
    check((await page.evaluate(() => window.__pwned)) === undefined, "corpus script ran");
    check((await page.locator("body").innerText()).includes("<script>"), "corpus markup not shown as text");
    await shot(page, "11-hostile-document", false);
  }
});

await step("no script errors on any page", async () => {
  check(pageErrors.length === 0, pageErrors.join("; "));
});

await browser.close();
await step("server still up", async () => {
  check(!serverExited, "the server exited");
  const r = await fetch(`${base}/api/health`);
  check(r.ok, `health ${r.status}`);
});
server.kill("SIGINT");

console.log(results.join("\n"));
console.log(failures ? `e2e: ${failures} failed` : "e2e: all passed");
console.log(`screenshots: ${artifacts}`);
process.exit(failures ? 1 : 0);
