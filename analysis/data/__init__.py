"""The data layer: table declarations, loaders and validation, third-party files, paths.

The bottom layer: it imports nothing else from ``analysis``.
"""
