"""The README and docs/ stay short, linked and true to the CLI.

Checks: the README's size and its two set-up commands (the ones .ci/run runs), that every
relative link and anchor points somewhere, and that every `exhibit COMMAND` and `--option` the
docs write exists in the typer app (options read from each command's --help, as a user sees it).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
import typer
from typer.testing import CliRunner

from nlp.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"
README_LIMIT = 8192

INSTALL = 'pip install -e ".[test]"'
INSTALL_TARGET = '-e ".[test]"'
FIRST_JOB = "exhibit predict corpus/examples/*.txt"
TEST_COMMAND = "python -m pytest -q"

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
CODE_SPAN = re.compile(r"`([^`\n]+(?:\n[^`\n]+)*)`")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
COMMAND = re.compile(r"(?<![\w-])exhibit ([a-z][a-z0-9-]*)")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*(?:\.[a-z_][a-z0-9_.]*)?)")
# train and cross-validate take any `--section.key value` as a config override
OVERRIDE_COMMANDS = {"train", "cross-validate"}


def doc_pages() -> List[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


# ---- the CLI as a user sees it -------------------------------------------------------------

@lru_cache(maxsize=None)
def commands() -> Tuple[str, ...]:
    return tuple(sorted(typer.main.get_command(app).commands))


@lru_cache(maxsize=None)
def help_options(command: str) -> frozenset:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    return frozenset(OPTION.findall(result.output))


@lru_cache(maxsize=None)
def global_options() -> frozenset:
    return frozenset(OPTION.findall(CliRunner().invoke(app, ["--help"]).output))


def option_exists(option: str, names: Set[str]) -> bool:
    if "." in option:
        return bool(names & OVERRIDE_COMMANDS)
    return option in global_options() or any(option in help_options(name) for name in names)


# ---- reading Markdown ----------------------------------------------------------------------

def without_blocks(text: str) -> str:
    """Fenced blocks blanked out: a '#' comment line in one is no heading."""
    return FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def without_code(text: str) -> str:
    """The prose: fenced blocks and code spans blanked out (a link in code is no link)."""
    return CODE_SPAN.sub("", without_blocks(text))


def slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", heading).replace(" ", "-")


def anchors(page: Path) -> Set[str]:
    return {slug(m.group(2)) for m in HEADING.finditer(without_blocks(page.read_text(encoding="utf-8")))}


def broken_links(page: Path) -> List[str]:
    broken = []
    for target in LINK.findall(without_code(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):   # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{page.name}: {target} (no such file)")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{page.name}: {target} (no such heading)")
    return broken


def code_pieces(text: str) -> Iterator[str]:
    """Each line of a fenced block and each inline code span."""
    for block in FENCE.findall(text):
        yield from block.splitlines()
    yield from CODE_SPAN.findall(FENCE.sub("", text))


def command_uses(piece: str) -> Iterator[Tuple[str, List[str]]]:
    """(command, options written after it) for each `exhibit COMMAND` in a line or span."""
    found = list(COMMAND.finditer(piece))
    for this, following in zip(found, found[1:] + [None]):
        rest = piece[this.end():following.start() if following else len(piece)]
        yield this.group(1), OPTION.findall(rest)


def sections(text: str) -> Iterator[Tuple[Set[str], str]]:
    """(commands a heading names, the text under it); a sub-heading naming none inherits."""
    outer: Set[str] = set()
    # '#' comment lines of fenced blocks are no headings: blanked (same length) for the split only
    parts = re.split(r"^(#{1,6} .*)$", FENCE.sub(lambda m: m.group(0).replace("#", " "), text), flags=re.M)
    position, named = 0, set()
    for part in parts:
        if re.match(r"^#{1,6} ", part):
            level = len(part) - len(part.lstrip("#"))
            heading_commands = set(COMMAND.findall(part))
            if level <= 2:
                outer = heading_commands
                named = heading_commands
            else:
                named = heading_commands or outer
        else:
            yield named, text[position:position + len(part)]
        position += len(part)


def unknown_commands_and_options(text: str) -> List[str]:
    """Every `exhibit COMMAND` that is no command and every --option its command lacks.

    An option in a line or code span after `exhibit COMMAND` belongs to that command; any other
    option belongs to the commands the section's heading names (to any command under a heading
    that names none).
    """
    problems = []
    for named, body in sections(text):
        for piece in code_pieces(body):
            for command, options in command_uses(piece):
                if command not in commands():
                    problems.append(f"`exhibit {command}` is no command")
                    continue
                problems += [f"exhibit {command} has no {opt}" for opt in options
                             if not option_exists(opt, {command})]
        loose = []
        for piece in code_pieces(body):
            cut = COMMAND.search(piece)
            loose += OPTION.findall(piece[:cut.start()] if cut else piece)
        loose += OPTION.findall(without_code(body))
        scope = named or set(commands())
        problems += [f"no command of {sorted(scope)} has {opt}" for opt in loose
                     if not option_exists(opt, scope)]
    return sorted(set(problems))


# ---- the README ----------------------------------------------------------------------------

def test_readme_is_short():
    size = len(README.read_bytes())
    assert size < README_LIMIT, f"README.md is {size} bytes; move detail into docs/"


def test_readme_starts_with_the_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    before_first_block = text[:FENCE.search(text).start()]
    assert [line for line in before_first_block.splitlines() if line.strip()] == ["# exhibit-nlp"]
    first, second = [block.strip() for block in FENCE.findall(text)[:2]]
    assert "\n" not in first and INSTALL in first and FIRST_JOB in first
    assert first.index(INSTALL) < first.index(FIRST_JOB)
    assert second == TEST_COMMAND
    assert list((ROOT / "corpus" / "examples").glob("*.txt")), "the first command has no exhibits to read"


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (INSTALL_TARGET, FIRST_JOB, TEST_COMMAND):
        assert command in ci, f".ci/run does not run the README's {command!r}"


def test_readme_names_no_model_scores():
    """Figures belong to the model card; the README links to it."""
    text = without_code(README.read_text(encoding="utf-8"))
    assert "models/README.md" in text
    assert not re.search(r"\b0\.\d{2,3}\b|\bF1 [0-9]", text)


# ---- links ---------------------------------------------------------------------------------

@pytest.mark.parametrize("page", doc_pages(), ids=lambda page: page.name)
def test_every_relative_link_points_to_an_existing_file(page):
    assert broken_links(page) == []


def test_a_broken_link_or_anchor_is_found(tmp_path):
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("# There\n\n## Exit codes\n", encoding="utf-8")
    page.write_text("[a](there.md#exit-codes) [b](missing.md) [c](there.md#nowhere) "
                    "[d](https://example.org/x) `[e](in-code.md)`\n", encoding="utf-8")
    assert broken_links(page) == ["page.md: missing.md (no such file)",
                                  "page.md: there.md#nowhere (no such heading)"]


# ---- commands and options ------------------------------------------------------------------

def test_cli_page_names_only_real_commands_and_options():
    assert unknown_commands_and_options(CLI_PAGE.read_text(encoding="utf-8")) == []


def test_cli_page_covers_every_command():
    named = set(COMMAND.findall(CLI_PAGE.read_text(encoding="utf-8")))
    assert set(commands()) - named == set()


@pytest.mark.parametrize("page", [p for p in doc_pages() if p != CLI_PAGE], ids=lambda page: page.name)
def test_command_lines_elsewhere_use_real_commands_and_options(page):
    """Outside cli.md only explicit `exhibit COMMAND --option` code is checked."""
    problems = []
    for piece in code_pieces(page.read_text(encoding="utf-8")):
        for command, options in command_uses(piece):
            if command not in commands():
                problems.append(f"`exhibit {command}` is no command")
            else:
                problems += [f"exhibit {command} has no {o}" for o in options if not option_exists(o, {command})]
    assert problems == []


def test_the_checker_finds_a_wrong_command_or_option():
    page = (
        "# The command\n\n"
        "`exhibit predict --output x --bogus`, `exhibit frobnicate`\n\n"
        "```bash\nexhibit train cfg --training.max_steps 4 --nope\n"
        "exhibit evaluate --gold g  # --json\n```\n\n"
        "## `exhibit records`\n\nPicks `--table`, not `--min-score`.\n\n"
        "## Exit codes\n\n`--fail-fast` and `--verbose` exist; `--nothing` does not.\n"
    )
    assert unknown_commands_and_options(page) == [
        "`exhibit frobnicate` is no command",
        "exhibit predict has no --bogus",
        "exhibit train has no --nope",
        f"no command of {sorted(commands())} has --nothing",
        "no command of ['records'] has --min-score",
    ]
