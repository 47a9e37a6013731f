"""Reading and checking content: load → validate → link, the register of parties, and the typed model they produce.

Imports only its own modules and the libraries that read data (PyYAML, jsonschema, Python-Markdown's patterns);
never generator.pages, generator.publish, generator.editing or MkDocs.
"""
