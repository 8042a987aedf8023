"""The handbook's site against a stock Material for MkDocs site of the same pages: what a phone downloads.

Usage: python -m scripts.bench_site [OUTPUT] [--lighthouse | --no-lighthouse]   (OUTPUT: bench/site.md)
       python -m scripts.bench_site --gather [bench/README.md]     (the reports of `make bench` in one)

Both sites are built from one copy of the project in a temporary folder:
- "handbook": the project as it is (strict build);
- "stock": the same docs/ with mkdocs.yml cut down to stock Material + mkdocs-static-i18n + Material's
  search: no macros (their calls stay in the pages as literal text, so the stock pages carry less text
  than the real ones: the forms, checklists and tables the macros write are missing), no hooks (one search
  index for all three languages, as Material writes it), no custom theme (but for our Kazakh interface
  strings: Material has none), no extra CSS or JavaScript.

Bytes: each of 15 pages (5 in each language) is opened in Debian's Chromium in a fresh profile; every
request the page (and its service worker) makes until the network is quiet is counted once, with the
size of the file as gzip at level 6 would send it (what a static host such as nginx with `gzip on;` and
`gzip_comp_level 6` serves; images and fonts as they are). "Search" is what is loaded for search: the
index, the worker, Lunr's language files. Then search is opened and a word typed: "first query" is what
that adds.

Lighthouse (--lighthouse, or when tests/bench/node_modules has it: `npm ci --prefix tests/bench`):
mobile, 3 runs per page on the same 15 pages of both sites, served by a local server that compresses
(gzip level 6); the median of each score.
"""

import functools
import gzip
import http.server
import io
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.siteconfig import DEFAULT_LANGUAGE, nav_translations, read_config
from macros.siteconfig import LANGUAGES as SITE_LANGUAGES
from scripts.browser import CHROMIUM, chromium_version, launch
from tests.sitetools import mkdocs_build

PAGES = ["", "manual/01-founding-team/", "standard/05-assessment/", "programme/02-module-safety/",
         "toolkit/helplines/"]
LANGUAGES = {lang: "" if lang == DEFAULT_LANGUAGE else f"{lang}/" for lang in SITE_LANGUAGES}  # address prefix
QUERY = {"ru": "насилия", "kk": "конырау", "en": "counselling"}  # a new language needs its word here
SEARCH = re.compile(r"/search/search_index\.(json|js)$|/workers/search\.[^/]*js$|/lunr/")
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest")
LIGHTHOUSE = ROOT / "tests" / "bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_RUNS = 3
RATIO_GOAL = 0.8


class _EnvLoader(yaml.SafeLoader):
    pass


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                           if isinstance(node, yaml.SequenceNode) else None)


def stock_config(project):
    """mkdocs.yml for the stock site: Material, i18n and search, nothing of our own."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    i18n = next(plugin["i18n"] for plugin in ours["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    titles = nav_translations(read_config(project))  # with the manual's stages (data/manual/stages.yml)
    i18n = {**i18n, "languages": [{**{key: value for key, value in language.items() if key != "theme"},
                                   "nav_translations": titles[language["locale"]]}
                                  for language in i18n["languages"]]}
    config = {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "docs_dir": "docs",
        # Material has no Kazakh interface strings: the stock site takes ours, and nothing else of our theme
        "theme": {"name": "material", "language": ours["theme"]["language"], "custom_dir": "stock-theme"},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"i18n": i18n}],
        "nav": read_config(project)["nav"],
    }
    languages = project / "stock-theme" / "partials" / "languages"
    languages.mkdir(parents=True, exist_ok=True)
    for theme_strings in (project / "overrides" / "partials" / "languages").glob("*.html"):
        shutil.copy(theme_strings, languages / theme_strings.name)
    path = project / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_stock(project, site):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stock_config(project)),
                             "-d", str(site)], check=False, cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        sys.exit("the stock site does not build:\n" + (result.stdout + result.stderr)[-3000:])


def compressed_size(path):
    data = path.read_bytes()
    if path.suffix in TEXT_TYPES:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def file_of(site, url):
    path = unquote(urlparse(url).path).lstrip("/")
    target = site / path
    if target.is_dir() or path.endswith("/") or not path:
        target = target / "index.html"
    return target if target.is_file() else None


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, compressed with gzip level 6 when the client accepts it (text types only)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in TEXT_TYPES
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def page_paths():
    return [prefix + page for prefix in LANGUAGES.values() for page in PAGES]


def weigh(browser, site, base):
    """Per page: (bytes without search, search bytes on the first view, bytes the first query adds)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    rows = []
    for path in page_paths():
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        seen = {}

        def record(request, seen=seen):
            seen.setdefault(urlparse(request.url).path, request.url)

        context.on("request", record)
        page.goto(base + "/" + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)
        first_view = dict(seen)
        lang = next((lang for lang, prefix in LANGUAGES.items() if prefix and path.startswith(prefix)), DEFAULT_LANGUAGE)
        page.keyboard.press("/")
        before = page.locator(".md-search-result__meta").inner_text()
        page.locator("input.md-search__input").fill(QUERY[lang])
        # the worker has answered: the line above the results changed and stays the same for a second
        # (the stock site finds nothing for «конырау»); on a stock page whose index came with the page it
        # may not change at all, and nothing more is loaded then
        try:
            page.wait_for_function("""before => {
                const text = document.querySelector('.md-search-result__meta').innerText, now = Date.now();
                if (text === before) return false;
                if (window.hbLast !== text) { window.hbLast = text; window.hbSince = now; }
                return now - window.hbSince > 1000 }""", arg=before, timeout=20000, polling=100)
        except PlaywrightTimeout:
            print(f"  /{path}: no answer to «{QUERY[lang]}» seen within 20 s", file=sys.stderr)
        page.wait_for_load_state("networkidle")
        added = {key: url for key, url in seen.items() if key not in first_view}
        context.close()

        def size(urls, search):
            total = 0
            for key, url in urls.items():
                if bool(SEARCH.search(key)) != search:
                    continue
                target = file_of(site, url)
                total += compressed_size(target) if target else 0
            return total

        rows.append((path, size(first_view, False), size(first_view, True), size(added, False) + size(added, True)))
    return rows


def lighthouse(base, path):
    """Median scores of LIGHTHOUSE_RUNS mobile runs of one page."""
    runs = []
    for _ in range(LIGHTHOUSE_RUNS):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([str(LIGHTHOUSE), base + "/" + path, "--quiet", "--output=json", f"--output-path={out.name}",
                            "--form-factor=mobile",
                            "--only-categories=performance,accessibility,best-practices,seo",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                           check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                           capture_output=True)
            report = json.loads(Path(out.name).read_text(encoding="utf-8"))
        categories = report["categories"]
        runs.append({
            "performance": categories["performance"]["score"] * 100,
            "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
            "accessibility": categories["accessibility"]["score"] * 100,
            "best-practices": categories["best-practices"]["score"] * 100,
            "seo": categories["seo"]["score"] * 100,
        })
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def kb(n):
    return f"{n / 1024:.1f}"


def report(weights, scores):
    ours, stock = weights["handbook"], weights["stock"]
    lines = [
        "# The site on a phone: bytes and Lighthouse",
        "",
        (f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `make bench` (scripts/bench_site.py); {chromium_version(CHROMIUM)[1]}. "
         "Bytes as gzip level 6 would send them (images and fonts as they are), every request of a first page "
         "view in a fresh profile at 390 px until the network is quiet. \"Stock\": the same docs/ built with "
         "stock Material + mkdocs-static-i18n + search, no macros (their calls render as literal text, so "
         "its pages are lighter in text than ours), one search index for all languages as Material writes it."),
        "",
        ("KB compressed. page: all but search on a first view; search: what search loads on a first view; "
         "query: what opening search and a first query add."),
        "",
        "| page | handbook page | handbook search | handbook query | stock page | stock search | stock query |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (path, page, search, query), (_, s_page, s_search, s_query) in zip(ours, stock):
        lines.append(f"| /{path} | {kb(page)} | {kb(search)} | {kb(query)} | {kb(s_page)} | {kb(s_search)} | {kb(s_query)} |")
    total = {name: [sum(row[i] for row in rows) / len(rows) for i in (1, 2, 3)] for name, rows in weights.items()}
    ours_first, stock_first = sum(total["handbook"][:2]), sum(total["stock"][:2])
    ratio = ours_first / stock_first
    lines += [
        (f"| **mean** | {kb(total['handbook'][0])} | {kb(total['handbook'][1])} | {kb(total['handbook'][2])} | "
         f"{kb(total['stock'][0])} | {kb(total['stock'][1])} | {kb(total['stock'][2])} |"),
        "",
        (f"First page view, mean: handbook {kb(ours_first)} KB, stock with its index {kb(stock_first)} KB, "
         f"stock without its index {kb(total['stock'][0])} KB. Ratio handbook / stock with index: {ratio:.2f} "
         f"(goal at most {RATIO_GOAL}: {'met' if ratio <= RATIO_GOAL else 'NOT met'})."),
        "",
    ]
    if scores:
        lines += [
            f"## Lighthouse (mobile, median of {LIGHTHOUSE_RUNS} runs per page; served with gzip)",
            "",
            "| site | performance | LCP s | accessibility | best practices | SEO |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, per_page in scores.items():
            mean = {key: statistics.mean(page[key] for page in per_page.values()) for key in next(iter(per_page.values()))}
            lowest = {key: min(page[key] for page in per_page.values()) for key in mean}
            lines.append(f"| {name} (mean; lowest) | {mean['performance']:.0f}; {lowest['performance']:.0f} | "
                         f"{mean['lcp']:.2f} | {mean['accessibility']:.0f}; {lowest['accessibility']:.0f} | "
                         f"{mean['best-practices']:.0f}; {lowest['best-practices']:.0f} | {mean['seo']:.0f}; {lowest['seo']:.0f} |")
        lines += ["", "Per page (handbook / stock): performance, accessibility, best practices, SEO", ""]
        for path in page_paths():
            a, b = scores["handbook"][path], scores["stock"][path]
            lines.append(f"- /{path}: {a['performance']:.0f}/{b['performance']:.0f}, {a['accessibility']:.0f}/"
                         f"{b['accessibility']:.0f}, {a['best-practices']:.0f}/{b['best-practices']:.0f}, "
                         f"{a['seo']:.0f}/{b['seo']:.0f}")
        lines.append("")
    else:
        lines += ["Lighthouse: not run (`npm ci --prefix tests/bench`, then `make bench`).", ""]
    return "\n".join(lines)


def main(output, run_lighthouse):
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="hb-bench-site-") as folder:
        folder = Path(folder)
        project = folder / "project"
        for part in ("docs", "data", "macros", "overrides"):
            shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("mkdocs.yml", "translations.lock"):
            if (ROOT / name).exists():
                shutil.copy(ROOT / name, project / name)
        sites = {"handbook": folder / "handbook", "stock": folder / "stock"}
        print("building the handbook …", file=sys.stderr)
        result = mkdocs_build(project, sites["handbook"])
        if result.returncode:
            sys.exit("the site does not build:\n" + (result.stdout + result.stderr)[-3000:])
        print("building the stock site …", file=sys.stderr)
        build_stock(project, sites["stock"])
        weights, scores = {}, {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, site in sites.items():
                print(f"weighing {name} …", file=sys.stderr)
                httpd = serve(site)
                weights[name] = weigh(browser, site, f"http://127.0.0.1:{httpd.server_address[1]}")
                httpd.shutdown()
            browser.close()
        write(output, report(weights, scores))  # the bytes now, in case Lighthouse is stopped
        if run_lighthouse:
            # Interleaved, page by page, so that whatever else the machine does weighs on both sites alike
            servers = {name: serve(site) for name, site in sites.items()}
            scores = {name: {} for name in sites}
            for path in page_paths():
                for name, httpd in servers.items():
                    print(f"lighthouse {name} /{path} …", file=sys.stderr)
                    scores[name][path] = lighthouse(f"http://127.0.0.1:{httpd.server_address[1]}", path)
            for httpd in servers.values():
                httpd.shutdown()
    if scores:
        write(output, report(weights, scores))


def write(output, text):
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)


def gather(output):
    """bench/README.md: the reports of `make bench` one after the other."""
    parts = ["# Measurements", "",
             "Written by `make bench`: each section is one report of this folder, as its script wrote it.", ""]
    for name, script in (("site.md", "scripts/bench_site.py"), ("build.md", "scripts/bench_build.py"),
                         ("pdf.md", "scripts/bench_pdfs.py")):
        path = Path(output).parent / name
        if path.exists():
            text = path.read_text(encoding="utf-8").strip()
            parts += [f"<!-- {name}, from {script} -->", re.sub(r"^#", "##", text, flags=re.MULTILINE), ""]
    Path(output).write_text("\n".join(parts), encoding="utf-8")
    print(f"written to {output}")


if __name__ == "__main__":
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if "--gather" in sys.argv:
        gather(args[0] if args else ROOT / "bench" / "README.md")
    else:
        main(args[0] if args else ROOT / "bench" / "site.md",
             "--no-lighthouse" not in sys.argv and ("--lighthouse" in sys.argv or LIGHTHOUSE.exists()))
