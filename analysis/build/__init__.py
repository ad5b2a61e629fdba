"""The book machinery: the Sphinx extension, page execution and its cache, ``make bench``.

The top layer: nothing in ``analysis`` imports it.
"""
