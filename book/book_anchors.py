"""Headings' ids in the course book as JupyterLab makes them (book/conf.py: myst_heading_slug_func)."""


def jupyterlab_anchor(text: str) -> str:
    """The heading's text, spaces as dashes, case and punctuation kept: "Betteridge's law" → "Betteridge's-law"."""
    return text.strip().replace(" ", "-")
