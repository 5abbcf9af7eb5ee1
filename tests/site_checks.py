"""What a built site must satisfy, as checks over its folder: pages, index, links, images, errors, navigation.

Two tests run every check. tests/tools/test_site_builder.py builds the site the way `make site` does, running each
lesson in a fresh kernel. tests/test_browser.py, which runs every lesson in JupyterLab anyway, saves them
there and builds the site from those notebooks, so `make test` runs each lesson once, not twice. The
first is deselected when Chromium is installed and the session selects every lesson's browser test and the
browser's site checks (tests/conftest.py); otherwise it runs the lessons itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.site_builder import lesson_notebooks

LESSONS = lesson_notebooks()
PAGES = [notebook.with_suffix(".html").name for notebook in LESSONS]
ERROR_TEXT = re.compile(r"Traceback|\b\w*(?:Error|Exception)\b")


@dataclass
class Page:
    """What a test needs from one HTML page."""

    links: list[tuple[str, str]] = field(default_factory=list)  # (href, class) of every <a>, in order
    images: list[str | None] = field(default_factory=list)  # src of every <img>
    ids: set[str] = field(default_factory=set)  # every id and name an anchor can point to
    navs: list[dict[str, str | None]] = field(default_factory=list)  # per nav bar: prev/index/next → href
    stderr: list[str] = field(default_factory=list)  # text of every stderr/error output
    text: str = ""


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []  # open tags, to know when a stderr block or nav bar closes
        self._stderr_depth: int | None = None
        self._nav_depth: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key):
                self.page.ids.add(attributes[key])
        classes = (attributes.get("class") or "").split()
        if tag == "a" and attributes.get("href") is not None:
            self.page.links.append((attributes["href"], " ".join(classes)))
            if self._nav_depth is not None:
                for role in ("prev", "index", "next"):
                    if f"site-nav-{role}" in classes:
                        self.page.navs[-1][role] = attributes["href"]
        if tag == "img":
            self.page.images.append(attributes.get("src"))
        if tag in ("img", "br", "meta", "link", "input", "hr", "source", "wbr"):
            return  # void elements never close
        self._stack.append(tag)
        if tag == "nav" and "site-nav" in classes:
            self.page.navs.append({"prev": None, "index": None, "next": None})
            self._nav_depth = len(self._stack)
        if self._stderr_depth is None and attributes.get("data-mime-type") == "application/vnd.jupyter.stderr":
            self._stderr_depth = len(self._stack)
            self.page.stderr.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack and self._stack.pop() != tag:
            pass
        if self._stderr_depth is not None and len(self._stack) < self._stderr_depth:
            self._stderr_depth = None
        if self._nav_depth is not None and len(self._stack) < self._nav_depth:
            self._nav_depth = None

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
    return {path.name: parse(path) for path in sorted(site.glob("*.html"))}


def every_lesson_has_a_page(site: Path, pages: dict[str, Page]) -> None:
    assert len(LESSONS) >= 9, "expected the lessons 00 to 08 in course/"
    missing = [page for page in ["index.html", *PAGES] if not (site / page).is_file()]
    assert not missing, f"pages not built: {missing}"


def the_index_lists_every_lesson_in_order_with_its_title(site: Path, pages: dict[str, Page]) -> None:
    index = pages["index.html"]
    lesson_links = [href for href, _ in index.links if href in PAGES]
    assert lesson_links == PAGES, f"index links {lesson_links}, expected {PAGES}"
    for notebook in LESSONS:
        assert first_heading(notebook) in index.text, f"index does not show the title of {notebook.name}"
    assert "https://www.aljazeera.com/news/2022/1/14/will-nato-engage-with-russias-security-demands" in [
        href for href, _ in index.links
    ], "index does not credit and link the article"


def every_internal_link_resolves(site: Path, pages: dict[str, Page]) -> None:
    broken = []
    for name, page in pages.items():
        for href, _ in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue  # external: http(s), mailto, data …
            target = site / unquote(parts.path) if parts.path else site / name
            if not target.is_file():
                broken.append(f"{name}: {href} (no file {target.name})")
            elif parts.fragment:
                ids = pages[target.name].ids if target.name in pages else set()
                if parts.fragment not in ids and unquote(parts.fragment) not in {unquote(i) for i in ids}:
                    broken.append(f"{name}: {href} (no id {parts.fragment!r} in {target.name})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def every_image_is_embedded(site: Path, pages: dict[str, Page]) -> None:
    assert any(page.images for page in pages.values()), "no charts at all: did the lessons run?"
    outside = [
        f"{name}: {(src or '(no src)')[:80]}"
        for name, page in pages.items()
        for src in page.images
        if not (src or "").startswith("data:image/")
    ]
    assert not outside, "images that are not embedded data: URIs:\n" + "\n".join(outside)


def no_page_shows_an_error(site: Path, pages: dict[str, Page]) -> None:
    errors = []
    for name, page in pages.items():
        if "Traceback (most recent call last)" in page.text:
            errors.append(f"{name}: a traceback")
        errors += [f"{name}: {text.strip()[:300]}" for text in page.stderr if ERROR_TEXT.search(text)]
    assert not errors, "error output on the site:\n" + "\n".join(errors)


def the_navigation_bars_point_to_the_neighbours(site: Path, pages: dict[str, Page]) -> None:
    for number, name in enumerate(PAGES):
        page = pages[name]
        expected = {
            "prev": PAGES[number - 1] if number > 0 else None,
            "index": "index.html",
            "next": PAGES[number + 1] if number + 1 < len(PAGES) else None,
        }
        assert len(page.navs) == 2, f"{name} has {len(page.navs)} navigation bars, expected top and bottom"
        for where, nav in zip(("top", "bottom"), page.navs, strict=True):
            assert nav == expected, f"{name}, {where} bar: links {nav}, expected {expected}"


def widgets_say_how_to_use_them(site: Path, pages: dict[str, Page]) -> None:
    for page in PAGES:
        html = (site / page).read_text(encoding="utf-8")
        views = html.count('<script type="application/vnd.jupyter.widget-view+json">')
        notes = html.count("Interactive widget: open the notebook in JupyterLab to use it.")
        assert notes >= views, f"{page}: {views} widgets but {notes} notes saying how to use them"


SITE_CHECKS: list[Callable[[Path, dict[str, Page]], None]] = [
    every_lesson_has_a_page,
    the_index_lists_every_lesson_in_order_with_its_title,
    every_internal_link_resolves,
    every_image_is_embedded,
    no_page_shows_an_error,
    the_navigation_bars_point_to_the_neighbours,
    widgets_say_how_to_use_them,
]
