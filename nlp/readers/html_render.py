"""inscriptis's rendering, made linear in the size of the HTML and free of recursion limits.

inscriptis (2.7) grows each output line with `content += text`, which copies the whole line on
every write: a one-line document of n inline elements costs O(n^2) (a 52 MB file took minutes).
Its tree walk also recurses once per level of nesting, beyond Python's recursion limit for deep
documents. The classes below keep inscriptis's layout rules and output, character for character,
with the line kept as a list of parts and the tree walked with an explicit stack.
"""
from __future__ import annotations

from html import unescape

from inscriptis.html_engine import Inscriptis
from inscriptis.model.canvas.block import Block
from lxml.etree import Comment


class LinearBlock(Block):
    """A Block whose text is a list of parts, joined once when the line is complete."""

    __slots__ = ("_parts", "_length")

    def __init__(self, idx: int, prefix):
        super().__init__(idx, prefix)
        self._parts = []
        self._length = 0

    @classmethod
    def from_block(cls, block: Block) -> "LinearBlock":
        linear = cls(block.idx, block.prefix)
        linear.collapsable_whitespace = block.collapsable_whitespace
        if block._content:
            linear._add(block._content)
        return linear

    def _add(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def merge_normal_text(self, text: str) -> None:
        normalized_text = []
        for ch in text:  # runs of whitespace collapse into one space, across writes too
            if not ch.isspace():
                normalized_text.append(ch)
                self.collapsable_whitespace = False
            elif not self.collapsable_whitespace:
                normalized_text.append(" ")
                self.collapsable_whitespace = True
        if normalized_text:
            if not self._length:
                normalized_text.insert(0, self.prefix.first)
            text = unescape("".join(normalized_text))
            self._add(text)
            self.idx += len(text)

    def merge_pre_text(self, text: str) -> None:
        text = unescape("".join((self.prefix.first, text.replace("\n", "\n" + self.prefix.rest))))
        self._add(text)
        self.idx += len(text)
        self.collapsable_whitespace = False

    def _drop_trailing_space(self) -> None:
        # A collapsible space at the end of a line is not shown (as Block.content does).
        if self.collapsable_whitespace and self._parts and self._parts[-1].endswith(" "):
            self._parts[-1] = self._parts[-1][:-1]
            if not self._parts[-1]:
                self._parts.pop()
            self._length -= 1
            self.idx -= 1

    def is_empty(self) -> bool:
        self._drop_trailing_space()
        return self._length == 0

    @property
    def content(self) -> str:
        self._drop_trailing_space()
        joined = "".join(self._parts)
        self._parts = [joined] if joined else []
        return joined

    def new_block(self) -> "LinearBlock":
        self.prefix.consumed = False
        return LinearBlock(idx=self.idx + 1, prefix=self.prefix)


def make_linear(canvas) -> None:
    """Give a canvas (the page's, or a table cell's that inscriptis just made) a LinearBlock."""
    if not isinstance(canvas.current_block, LinearBlock):
        canvas.current_block = LinearBlock.from_block(canvas.current_block)


class LinearInscriptis(Inscriptis):
    """Inscriptis with the tree walked by an explicit stack and every line a LinearBlock."""

    def _parse_html_tree(self, state, tree):
        make_linear(state.canvas)
        stack = [(None, iter((tree,)))]
        while stack:
            parent, children = stack[-1]
            node = next(children, None)
            if node is None:
                stack.pop()
                if parent is not None:
                    self._close(state, parent)
            elif isinstance(node.tag, str):
                self._open(state, node)
                stack.append((node, iter(node)))
            elif node.tag is Comment and node.tail:
                make_linear(state.tags[-1].canvas)
                state.tags[-1].canvas.write(state.tags[-1], node.tail)
        return state.canvas

    def _open(self, state, node) -> None:
        state.apply_starttag_layout(node.tag, node.attrib)
        if handler := self.start_tag_handler_dict.get(node.tag):
            handler(state, node.attrib)
        cur = state.tags[-1]
        make_linear(cur.canvas)
        cur.canvas.open_tag(cur)
        cur.write(node.text)

    def _close(self, state, node) -> None:
        if handler := self.end_tag_handler_dict.get(node.tag):
            handler(state)
        prev = state.tags.pop()
        prev.canvas.close_tag(prev)
        make_linear(state.tags[-1].canvas)
        state.tags[-1].write(node.tail)


__all__ = ["LinearBlock", "LinearInscriptis", "make_linear"]
