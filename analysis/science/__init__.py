"""Shared science: growth trends, the Chinchilla law and its fits, the batched optimiser, units.

Imports only from ``analysis.data``.
"""
