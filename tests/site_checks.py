"""What the course book must satisfy: checks over its folder, and checks of it in a real browser.

Two tests run the folder checks (FOLDER_CHECKS). tests/tools/test_site_builder.py builds the book the way
`make site` does, running each lesson in a fresh kernel. tests/test_browser.py, which runs every lesson in
JupyterLab anyway, saves them there and builds the book from those notebooks, so `make test` runs each lesson
once, not twice; it then also runs BROWSER_CHECKS on the book served over HTTP in Chromium: search, images,
links and launch buttons as a reader meets them. The first is deselected when Chromium is installed and the
session selects every lesson's browser test and the browser's site checks (tests/conftest.py); otherwise it
runs the lessons itself.

Both build with the same made-up repository and hub (REPOSITORY, HUB), so the launch links can be checked.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tools.site_builder import STUDENT_BRANCH, lesson_notebooks

LESSONS = lesson_notebooks()
PAGES = [f"course/{notebook.stem}.html" for notebook in LESSONS]
OTHER_PAGES = ["index.html", "search.html", "instructors/guide.html", "instructors/questions.html", "licence.html"]
REPOSITORY = "https://github.com/example-org/crisis-reading"
HUB = "https://hub.example.edu"
BINDER = "https://mybinder.org"
ARTICLE_URL = "https://www.aljazeera.com/news/2022/1/14/will-nato-engage-with-russias-security-demands"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
SPEAKERS = ("Ignatov", "Stoltenberg")  # named in lesson 02's tables: searching for one must find it
ERROR_TEXT = re.compile(r"Traceback|\b\w*(?:Error|Exception)\b")


@dataclass
class Page:
    """What a test needs from one HTML page."""

    links: list[tuple[str, str]] = field(default_factory=list)  # (href, class) of every <a>, in order
    images: list[str | None] = field(default_factory=list)  # src of every <img>
    ids: set[str] = field(default_factory=set)  # every id and name an anchor can point to
    sidebar: list[str] = field(default_factory=list)  # href of every link in the sidebar's table of contents
    stderr: list[str] = field(default_factory=list)  # text of every stderr/error output
    text: str = ""


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []  # open tags, to know when a stderr block or the sidebar closes
        self._stderr_depth: int | None = None
        self._sidebar_depth: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key):
                self.page.ids.add(attributes[key])
        classes = (attributes.get("class") or "").split()
        if tag == "a" and attributes.get("href") is not None:
            self.page.links.append((attributes["href"], " ".join(classes)))
            if self._sidebar_depth is not None:
                self.page.sidebar.append(attributes["href"])
        if tag == "img":
            self.page.images.append(attributes.get("src"))
        if tag in ("img", "br", "meta", "link", "input", "hr", "source", "wbr"):
            return  # void elements never close
        self._stack.append(tag)
        if tag == "nav" and "bd-docs-nav" in classes:
            self._sidebar_depth = len(self._stack)
        if self._stderr_depth is None and ({"stderr", "traceback"} & set(classes)):
            self._stderr_depth = len(self._stack)
            self.page.stderr.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack and self._stack.pop() != tag:
            pass
        if self._stderr_depth is not None and len(self._stack) < self._stderr_depth:
            self._stderr_depth = None
        if self._sidebar_depth is not None and len(self._stack) < self._sidebar_depth:
            self._sidebar_depth = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._stderr_depth is not None:
            self.page.stderr[-1] += data

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._text)


def parse(path: Path) -> Page:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def first_heading(notebook: Path) -> str:
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    raise AssertionError(f"{notebook.name} has no heading")


def load_pages(site: Path) -> dict[str, Page]:
    """Every page of the book (not Sphinx's own genindex), by its path from the book's top folder."""
    return {
        path.relative_to(site).as_posix(): parse(path)
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).parts[0].startswith("_") and path.name != "genindex.html"
    }


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """An internal link's target page (from the book's top folder) and fragment; None for an external one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None  # external: http(s), mailto, data, javascript …
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
    return target, unquote(parts.fragment)


def every_page_is_built(site: Path, pages: dict[str, Page]) -> None:
    assert len(LESSONS) >= 9, "expected the lessons 00 to 08 in course/"
    missing = [page for page in [*OTHER_PAGES, *PAGES] if not (site / page).is_file()]
    assert not missing, f"pages not built: {missing}"
    assert (site / "searchindex.js").is_file(), "no search index"


def the_sidebar_lists_every_lesson_in_order(site: Path, pages: dict[str, Page]) -> None:
    for name in ["index.html", *PAGES, "instructors/guide.html"]:
        targets = [resolve(name, href) for href in pages[name].sidebar]
        lessons = [target for target, _ in filter(None, targets) if target in PAGES]
        assert lessons == PAGES, f"{name}: the sidebar lists {lessons}, expected {PAGES}"
        assert "instructors/guide.html" in {t for t, _ in filter(None, targets)}, f"{name}: no guide in the sidebar"
    for notebook, page in zip(LESSONS, PAGES, strict=True):
        assert first_heading(notebook) in pages[page].text, f"{page} does not show the title of {notebook.name}"


def every_internal_link_resolves(site: Path, pages: dict[str, Page]) -> None:
    broken = []
    for name, page in pages.items():
        for href, _ in page.links:
            target = resolve(name, href)
            if target is None:
                continue
            path, fragment = target
            if not (site / path).is_file():
                broken.append(f"{name}: {href} (no file {path})")
            elif fragment and path in pages and fragment not in {unquote(i) for i in pages[path].ids}:
                broken.append(f"{name}: {href} (no id {fragment!r} in {path})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def every_image_is_in_the_book(site: Path, pages: dict[str, Page]) -> None:
    assert any((src or "").startswith("data:image/") for name in PAGES for src in pages[name].images), (
        "no charts at all: did the lessons run?"
    )
    missing = []
    for name, page in pages.items():
        for src in page.images:
            target = resolve(name, src or "")
            if not src or (target is not None and not (site / target[0]).is_file()):
                missing.append(f"{name}: {(src or '(no src)')[:80]}")
            elif target is None and not src.startswith("data:image/"):
                missing.append(f"{name}: {src[:80]} (from outside the book: it would not load offline)")
    assert not missing, "images that are not in the book:\n" + "\n".join(missing)


def no_page_shows_an_error(site: Path, pages: dict[str, Page]) -> None:
    errors = []
    for name, page in pages.items():
        if "Traceback (most recent call last)" in page.text:
            errors.append(f"{name}: a traceback")
        errors += [f"{name}: {text.strip()[:300]}" for text in page.stderr if ERROR_TEXT.search(text)]
    assert not errors, "error output in the book:\n" + "\n".join(errors)


def launch_link_problems(page: str, hrefs: list[str]) -> list[str]:
    """What is wrong with a lesson page's Binder and JupyterHub links (none of each is wrong too)."""
    notebook = page.removesuffix(".html") + ".ipynb"  # course/NN-….ipynb, as in the students' copy
    owner_repo = urlsplit(REPOSITORY).path.strip("/")
    repo = owner_repo.split("/")[1]
    binder = [href for href in hrefs if href.startswith(BINDER + "/v2/")]
    hub = [href for href in hrefs if href.startswith(HUB + "/")]
    problems = [] if len(binder) == 1 and len(hub) == 1 else [f"{len(binder)} Binder and {len(hub)} hub links"]
    for href in binder:
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        if parts.path != f"/v2/gh/{owner_repo}/{STUDENT_BRANCH}" or query.get("urlpath") != [f"lab/tree/{notebook}"]:
            problems.append(f"Binder link {href}")
    for href in hub:
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        expected = {"repo": [REPOSITORY], "branch": [STUDENT_BRANCH], "urlpath": [f"lab/tree/{repo}/{notebook}"]}
        if parts.path != "/hub/user-redirect/git-pull" or query != expected:
            problems.append(f"nbgitpuller link {href}: {query}, expected {expected}")
    return [f"{page}: {problem}" for problem in problems]


def every_lesson_has_launch_links_to_the_student_branch(site: Path, pages: dict[str, Page]) -> None:
    problems = [p for name in PAGES for p in launch_link_problems(name, [href for href, _ in pages[name].links])]
    assert not problems, "launch links:\n" + "\n".join(problems)


def every_lesson_has_a_download_button(site: Path, pages: dict[str, Page]) -> None:
    for name in PAGES:
        downloads = [resolve(name, href) for href, _ in pages[name].links if href.endswith(".ipynb")]
        notebooks = [target for target, _ in filter(None, downloads)]
        assert notebooks, f"{name}: no link to download the notebook"
        notebook = json.loads((site / notebooks[0]).read_text(encoding="utf-8"))
        assert any(cell.get("outputs") for cell in notebook["cells"]), f"{notebooks[0]} has no outputs"


def every_page_credits_the_article_and_states_the_licence(site: Path, pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        hrefs = {href for href, _ in page.links}
        assert ARTICLE_URL in hrefs, f"{name} does not credit and link the article"
        assert CC_BY in hrefs and "MIT licence" in page.text, f"{name} does not state the licences"
    assert "MIT License" in pages["licence.html"].text, "the licence page does not show LICENSE"


def widgets_say_how_to_use_them(site: Path, pages: dict[str, Page]) -> None:
    for page in PAGES:
        html = (site / page).read_text(encoding="utf-8")
        views = html.count('<script type="application/vnd.jupyter.widget-view+json">')
        notes = html.count("launch the lesson (the rocket button at the top) to use it.")
        assert notes >= views, f"{page}: {views} widgets but {notes} notes saying how to use them"


FOLDER_CHECKS: list[Callable[[Path, dict[str, Page]], None]] = [
    every_page_is_built,
    the_sidebar_lists_every_lesson_in_order,
    every_internal_link_resolves,
    every_image_is_in_the_book,
    no_page_shows_an_error,
    every_lesson_has_launch_links_to_the_student_branch,
    every_lesson_has_a_download_button,
    every_page_credits_the_article_and_states_the_licence,
    widgets_say_how_to_use_them,
]
SITE_CHECKS = FOLDER_CHECKS  # the name the tests and tests/conftest.py know


# In Chromium, the book served over HTTP from 127.0.0.1 (`page` has every request outside it aborted: offline).


def searching_for_a_speaker_finds_lesson_02(page, base: str) -> None:
    for speaker in SPEAKERS:
        page.goto(f"{base}/search.html?q={speaker}")
        results = page.locator("#search-results li a")
        results.first.wait_for(timeout=30_000)
        hrefs = [href for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert any("/course/02-who-speaks.html" in href for href in hrefs), f"search for {speaker}: {hrefs}"


@dataclass
class SeenInTheBrowser:
    """One book page as Chromium showed it, after the theme's scripts ran."""

    broken_images: list[str]
    links: list[str]


def visit_every_page(page, base: str, names: list[str]) -> dict[str, SeenInTheBrowser]:
    """Each page loaded once; the checks below read what was seen (three visits per page cost 15 s).

    Scripts, style sheets and fonts are not fetched on these visits: what is checked (the page's HTML, its images,
    its links, all written by Sphinx) is the same without them (tried: the same 958 links on 16 pages), and the
    visits take half the time. The search test loads the book whole."""
    seen = {}
    page.route("**/*", _html_and_images_only)
    try:
        for name in names:
            page.goto(f"{base}/{name}", wait_until="domcontentloaded")
            page.wait_for_function("Array.from(document.images).every(image => image.complete)")
            seen[name] = SeenInTheBrowser(
                broken_images=page.eval_on_selector_all(
                    "img", "images => images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
                ),
                links=page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"),
            )
    finally:
        page.unroute("**/*", _html_and_images_only)
    return seen


def _html_and_images_only(route) -> None:
    if route.request.resource_type in ("script", "stylesheet", "font"):
        route.abort()
    else:
        route.fallback()  # to the handler that refuses anything not on the book's own server


def every_image_loads(page, base: str, seen: dict[str, SeenInTheBrowser]) -> None:
    broken = [f"{name}: {src[:80]}" for name, visit in seen.items() for src in visit.broken_images]
    assert not broken, "images that did not load:\n" + "\n".join(broken)


def every_internal_link_resolves_in_the_browser(page, base: str, seen: dict[str, SeenInTheBrowser]) -> None:
    """Every link on every page as the browser saw it, fetched over HTTP."""
    status: dict[str, int] = {}
    broken = []
    for name, visit in seen.items():
        for href in visit.links:
            url = href.split("#")[0]
            if not url.startswith(base + "/"):
                continue
            if url not in status:
                status[url] = page.request.get(url).status
            if status[url] != 200:
                broken.append(f"{name}: {href} ({status[url]})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def every_launch_link_points_at_the_student_branch(page, base: str, seen: dict[str, SeenInTheBrowser]) -> None:
    problems = [p for name, visit in seen.items() if name in PAGES for p in launch_link_problems(name, visit.links)]
    assert not problems, "launch links:\n" + "\n".join(problems)
