"""Is a message an editor reads Dutch? A test's answer: no word of a list of common English words may remain once
what the message quotes (the editor's own text, paths, keys, commands) is taken out.

The list holds English words that are not also Dutch words ("is", "in", "was", "had", "we", "been", "over", "want",
"door", "link", "site", "last", "lost", "spelling", "register", "workshop", "folder", "help" are
left out), so a Dutch sentence never trips it, and an English sentence of any length almost always contains one."""
from __future__ import annotations

import re

ENGLISH = frozenset("""
the a and or not no nor but if then than this that these those which what who whom whose where when why how
it its they them their there here you your our us he she his
are were be being has have having do does did done doing
must should shall will would can cannot could may might need needs
with without from for to on at by into onto about after before above below between through
one two three first second next other another each every any some none only also already again still
file files key keys value values line lines number numbers heading headings text texts list lists entry entries
missing required unknown valid invalid allowed empty error errors warning warnings problem problems found
add remove rename write fill see use used wrote written built printed unchanged changed added removed gained
mean means exist exists refers instead because since please sure contains character characters
pages change changes passes fails notes note show shows example examples
names name parties spellings matched unmatched edition editions proposal proposals idea ideas
directory path matter quote quotes colon indented indentation
""".split())

# What a message quotes is the editor's, not the message's: 'titel', "Oefen: de wijk", “Oefen”, `make check`, ‹sleutel›, paths
# and addresses (content/…, https://…), code points (U+00A0), options (--edition), and a command a help text shows,
# to the end of its line.
QUOTED = re.compile(r"\S*python -m generator.*|'[^']*'|“[^”]*”|\"[^\"]*\"|`[^`]*`|‹[^›]*›|\S*[/\\]\S*"
                    r"|\S+\.(?:md|yml|yaml|zip|pdf)\b|\[[a-z-]+\]$|\bmake [a-z]+\b|\bU\+[0-9A-F]{4,6}\b"
                    r"|(?<![\w-])--?[a-z][\w-]*")
WORD = re.compile(r"[A-Za-z]+")


def english_words(message: str) -> list[str]:
    """The common English words in `message`, outside what it quotes."""
    text = QUOTED.sub(" ", message)
    return [word for word in WORD.findall(text) if word.lower() in ENGLISH]


# A line of ours that announces what another program printed ("Wat MkDocs meldt, staat hieronder:"): the lines after
# it are that program's, quoted as it wrote them (MkDocs, Chromium and Node speak English).
QUOTATION = re.compile(r"staat hieronder:$")


def assert_dutch(lines) -> None:
    """Every line is Dutch, up to a quotation of another program's output: the English words of each line that
    has any, in the assertion."""
    ours = []
    for line in lines:
        ours.append(line)
        if QUOTATION.search(line):
            break
    english = {line: words for line in ours if (words := english_words(line))}
    assert not english, "English in a message for editors:\n" + "\n".join(
        f"  {line}\n    English: {', '.join(words)}" for line, words in english.items())
