"""One package per chapter (model / figures / facts) and the data audit.

Imports from ``report``, ``science`` and ``data``; a topic may read another topic's model.
"""
