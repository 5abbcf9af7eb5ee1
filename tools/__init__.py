"""Developer tools of the course repository: the website builder and the benchmarks (not part of the installed
package; run from the top folder, e.g. `crisis-reading site` or `python -m tools.site_builder`)."""
