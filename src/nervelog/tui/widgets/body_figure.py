"""The body figure of the Map screen: regions filled where the symptom is felt.

Only draws what it is given; a click posts the region and side under the pointer.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nervelog.domain.body_map import Placement
from nervelog.render.body_figure import figure, region_at


class BodyFigure(Static):
    """Front and back views; the selected region is shown reversed."""

    can_focus = True
    """It takes the keys: the screen's arrows and l r b x act on the figure."""

    class Clicked(Message):
        """A region of the figure was clicked."""

        def __init__(self, region: str, side: str) -> None:
            super().__init__()
            self.region = region
            self.side = side

    def show(self, placement: Placement, selected: str | None, mark: str, no_color: bool) -> None:
        """Draw ``placement``, with ``mark`` in the cells where the symptom is felt."""
        text = Text()
        for row in figure(placement, mark=mark):
            for cell in row:
                style = ""
                if cell.region is not None and cell.char == mark:
                    # Without colour the mark itself (a letter) carries the meaning.
                    style = "bold" if no_color else "bold #e07b39"
                if cell.region is not None and cell.region == selected:
                    style = f"{style} reverse".strip()
                text.append(cell.char, style=style)
            text.append("\n")
        self.update(text)

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which region was clicked."""
        offset = event.get_content_offset(self)
        found = region_at(offset.y, offset.x) if offset is not None else None
        if found is not None:
            self.post_message(self.Clicked(*found))
