"""The editors' tools: `new` (an entry from a template), `diff` (the reviewer's summary of a change) and the
problem banner of the `make serve` preview.

May import generator.content (and generator.pages where a tool shows a page); never generator.publish or MkDocs.
"""
