"""Making pages: the checked catalog rendered to Markdown from Jinja templates, the open data, the assets, and the
HTML passes the MkDocs adapter applies to every page (sanitiser, accessible tables); the check's last question
(whether two pages would take one address) is the pages' own. Written to build/docs/.

May import generator.content; never generator.publish, generator.editing or MkDocs.
"""
