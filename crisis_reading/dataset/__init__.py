"""The data layer: where the data is, reading and checking article folders and the reference tables, and the
vocabulary every layer shares. It imports nothing else of the package, and no display library."""
