"""Front matter that YAML cannot read, explained in plain words: where to look and what to type.

PyYAML's messages ("mapping values are not allowed in this context") name the parser's state, not the editor's
mistake. The common mistakes each leave a recognisable message; this module maps them to advice and to the line
where the mistake is (an unclosed bracket or quote is reported where it was opened, not where the file ends).
"""
from __future__ import annotations

import yaml

from . import messages as M
from .model import Location, Problem


def _quoted(line: str) -> str:
    """`titel: Buurt: plan` → `titel: "Buurt: plan"`: the fix, written out for the editor."""
    key, _, value = line.partition(":")
    value = value.strip().replace("\\", "\\\\").replace('"', '\\"')
    return f'{key.strip()}: "{value}"'


def yaml_problem(error: yaml.YAMLError, front_matter: str, rel: str) -> Problem:
    """The problem for front matter that does not parse; `front_matter` starts on the file's first line."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    lines = front_matter.split("\n")

    def text(mark) -> str:
        return lines[mark.line] if mark and mark.line < len(lines) else ""

    mark, message, fix = problem_mark, None, None
    if "flow sequence" in context or "flow mapping" in context:
        mark = context_mark or problem_mark
        message = M.YAML_UNCLOSED_LIST if "sequence" in context else M.YAML_UNCLOSED_GROUP
    elif "quoted scalar" in context:
        mark = context_mark or problem_mark
        message = M.YAML_UNCLOSED_QUOTE
    elif "tab" in problem:
        message = M.YAML_TAB
    elif "mapping values are not allowed" in problem:
        line = text(problem_mark)
        message, fix = (M.YAML_INDENTED, None) if line[:1] in (" ", "\t") else (M.YAML_COLON, _quoted(line))
    elif "cannot start any token" in problem or "undefined alias" in problem:
        message, fix = M.YAML_START, _quoted(text(problem_mark))
    elif "expected key" in problem or "expected '-' indicator" in problem or "block end" in problem:
        message = M.YAML_INDENTATION
    if message is None:  # PyYAML's own reason names the parser's state, in English: not for editors
        if "end of stream" in problem and context_mark:  # fix it where the unfinished construct began
            mark = context_mark
        message = M.YAML_OTHER
    location = Location(rel, mark.line + 1 if mark else 1)
    return message.at(location, fix=fix) if fix is not None else message.at(location)
