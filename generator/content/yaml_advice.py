"""Front matter that YAML cannot read, explained in plain words: where to look and what to type.

PyYAML's messages ("mapping values are not allowed in this context") name the parser's state, not the editor's
mistake. The common mistakes each leave a recognisable message; this module maps them to advice and to the line
where the mistake is (an unclosed bracket or quote is reported where it was opened, not where the file ends).
"""
from __future__ import annotations

import yaml

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

    mark, advice = problem_mark, None
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        mark = context_mark or problem_mark
        advice = (f"the '{bracket}' on this line is not closed; end the list with '{closing}' on the same line, "
                  f"e.g. ideeen: [4, 16]" if bracket == "[" else
                  f"the '{bracket}' on this line is not closed; add '{closing}', or put the value between quotes")
    elif "quoted scalar" in context:
        mark = context_mark or problem_mark
        advice = ("the quote opened on this line is not closed; end the value with the same quote (\" or ') "
                  "on the same line")
    elif "tab" in problem:
        advice = "this line contains a tab; YAML needs spaces: replace the tab by spaces"
    elif "mapping values are not allowed" in problem:
        line = text(problem_mark)
        if line[:1] in (" ", "\t"):
            advice = ("this line is indented, but the key above it does not open a list or group; start the key "
                      "at the beginning of the line")
        else:
            advice = (f"the value contains a colon followed by a space; put the whole value between double quotes: "
                      f"{_quoted(line)}")
    elif "cannot start any token" in problem or "undefined alias" in problem:
        line = text(problem_mark)
        advice = (f"a value cannot start with this character unless it is quoted; put the whole value between "
                  f"double quotes: {_quoted(line)}")
    elif "expected key" in problem or "expected '-' indicator" in problem or "block end" in problem:
        advice = ("the indentation of this line does not match the lines above; indent the parts of one list item "
                  "by the same number of spaces (and a new key not at all)")
    if advice is None:
        if "end of stream" in problem and context_mark:  # fix it where the unfinished construct began
            mark = context_mark
        reason = ", ".join(x for x in (context, problem) if x) or str(error).splitlines()[0]
        advice = f"{reason}; check quotes, colons and indentation on this line"
    line = mark.line + 1 if mark else 1
    return Problem(Location(rel, line), f"front matter is not valid YAML: {advice}", "yaml-syntax")
