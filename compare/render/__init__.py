"""Renderers: each turns model objects into one output format and never reads files or clocks."""
