"""Publishing: the whole site (`make site`), its search index, the printed dossiers (Chromium) with their spool and
cache, and the offline edition with its zip.

May import generator.content and generator.pages; never generator.editing or MkDocs (the adapter calls in here).
"""
