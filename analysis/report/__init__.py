"""What chapters publish through: the key-numbers registry, charts, tables, citations,
claims, releases and the review response. Imports from ``science`` and ``data``.
"""
