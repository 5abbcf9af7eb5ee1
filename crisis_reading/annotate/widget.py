"""The notebook view of an Annotation: step through the finder's proposals, correct, add, save.

All the decisions live in crisis_reading.annotate.model.Annotation; this module only shows its
state and turns clicks into its method calls, and shows any error as a message instead of
stopping the notebook. Every control is an attribute, so a test can set a value and click.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import ipywidgets as widgets

from crisis_reading.analysis.sides import side_label
from crisis_reading.annotate.draft import start_over
from crisis_reading.annotate.model import ACCEPTED, PENDING, REJECTED, Annotation
from crisis_reading.dataset.datapackage import allowed_values
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.vocabulary import KINDS, counted
from crisis_reading.finder.events import TIME_PHRASE
from crisis_reading.views.style import declared_colours, side_colours, tint

STATE_LABELS = {PENDING: "waiting for review", ACCEPTED: "accepted", REJECTED: "rejected"}
NEW = ""  # the menu entry for a speaker or event not yet in the tool (None would show as an empty menu)
NOTHING_TO_REVIEW = "There is no proposal to review: add a quote the finder missed in 'Add a missed quote'"


class AnnotationWidget(widgets.VBox):
    """Review proposed quotes one at a time; add missed quotes and speakers; save to a folder."""

    def __init__(
        self, annotation: Annotation, folder: str | Path, start: Callable[[], Annotation] | None = None
    ) -> None:
        self.annotation = annotation
        self.start = start or annotation.finder_only  # what "Start over" begins again from
        self.progress = widgets.HTML()
        self.message = widgets.HTML()

        # Review, one proposal at a time.
        self.quote_view = widgets.HTML()
        self.speaker = widgets.Dropdown(description="Speaker", layout=SPEAKER_MENU)
        self.kind = widgets.Dropdown(options=list(KINDS), description="Kind")
        self.verb = widgets.Text(description="Verb")
        self.previous_button = widgets.Button(description="◀ Previous")
        self.next_button = widgets.Button(description="Next ▶")
        self.accept_button = widgets.Button(description="Accept", button_style="success")
        self.reject_button = widgets.Button(description="Reject", button_style="danger")
        self.split_words = widgets.Text(description="Split at", placeholder="words between the two parts")
        self.split_button = widgets.Button(description="Split in two", layout=AUTO)
        review = widgets.VBox(
            [
                self.quote_view,
                widgets.HBox([self.speaker, self.kind, self.verb]),
                widgets.HBox([self.previous_button, self.accept_button, self.reject_button, self.next_button]),
                widgets.HBox([self.split_words, self.split_button]),
            ]
        )

        # A quote the finder missed.
        self.new_block = widgets.Dropdown(options=[int(b) for b in annotation.blocks["block"]], description="Block")
        self.block_view = widgets.HTML()
        self.new_text = widgets.Textarea(description="Exact words", layout=widgets.Layout(width="60em"))
        self.new_speaker = widgets.Dropdown(description="Speaker", layout=SPEAKER_MENU)
        self.new_kind = widgets.Dropdown(options=list(KINDS), description="Kind")
        self.new_verb = widgets.Text(description="Verb")
        self.new_attributed_in = widgets.Dropdown(
            options=[int(b) for b in annotation.blocks["block"]], description="Verb in block"
        )
        self.add_quote_button = widgets.Button(description="Add quote", button_style="primary")
        add_quote = widgets.VBox(
            [
                _help("Choose the block, then paste the quoted words exactly as they stand in it."),
                self.new_block,
                self.block_view,
                self.new_text,
                widgets.HBox([self.new_speaker, self.new_kind]),
                widgets.HBox([self.new_verb, self.new_attributed_in]),
                self.add_quote_button,
            ]
        )

        # Speakers: add one, or set the side and affiliation of one the finder proposed.
        descriptor = annotation.descriptor
        self.speaker_choice = widgets.Dropdown(description="Speaker", layout=SPEAKER_MENU)
        self.speaker_name = widgets.Text(description="Name")
        self.speaker_written = widgets.Text(
            description="As written",
            placeholder="how the article names them, e.g. Ostrel | the Carvessan government",
            layout=widgets.Layout(width="40em"),
        )
        self.speaker_side = widgets.Dropdown(options=annotation.sides(), description="Side")
        self.speaker_organisation = widgets.Text(description="Affiliation", placeholder="organisation")
        self.speaker_voice = widgets.Dropdown(
            options=allowed_values(descriptor, "speakers", "voice_type"), description="Voice type"
        )
        self.speaker_org_type = widgets.Dropdown(
            options=allowed_values(descriptor, "speakers", "organisation_type"), description="Org. type"
        )
        self.update_speaker_button = widgets.Button(description="Update this speaker", layout=AUTO)
        self.add_speaker_button = widgets.Button(
            description="Add as a new speaker", button_style="primary", layout=AUTO
        )
        self.delete_speaker_button = widgets.Button(
            description="Delete this speaker", button_style="danger", layout=AUTO
        )
        speakers = widgets.VBox(
            [
                _help(
                    "Choose a speaker to set their side and affiliation (the finder leaves every side unclear) and "
                    "update them: each speaker the finder proposed waits for review until you do, even when the "
                    "side stays unclear because the article does not say. Or choose '— a new speaker —' at the "
                    "end of the list, fill in the boxes and add them. "
                    "'As written' lists how the article names them (separate several with |); each must stand in "
                    "the article exactly. Left empty for a new speaker, it is the name. A new speaker needs a "
                    "quote before you save; one added by mistake can be deleted."
                ),
                self.speaker_choice,
                self.speaker_name,
                self.speaker_written,
                widgets.HBox([self.speaker_side, self.speaker_organisation]),
                widgets.HBox([self.speaker_voice, self.speaker_org_type]),
                widgets.HBox([self.update_speaker_button, self.add_speaker_button, self.delete_speaker_button]),
            ]
        )

        # Events: the meetings, calls and statements the article dates, with their dates.
        blocks = [int(b) for b in annotation.blocks["block"]]
        wide = {"description_width": "initial"}
        self.event_choice = widgets.Dropdown(description="Event", style=wide, layout=widgets.Layout(width="50em"))
        self.event_block = widgets.Dropdown(options=blocks, description="Block")
        self.event_block_view = widgets.HTML()
        self.event_time_found = widgets.Dropdown(description="Time words in this block", style=wide)
        self.event_time_words = widgets.Text(description="Time words", placeholder="exactly as in the block")
        self.event_type = widgets.Dropdown(
            options=allowed_values(descriptor, "events", "event_type"), description="Event type", style=wide
        )
        self.event_description = widgets.Text(
            description="What happened", style=wide, layout=widgets.Layout(width="50em"), placeholder="in your words"
        )
        self.event_place = widgets.Text(description="Place", placeholder="as written, if the article names it")
        self.event_propose_button = widgets.Button(description="Propose the date from the time words", layout=AUTO)
        self.event_start = widgets.Text(description="First day", placeholder="YYYY-MM-DD")
        self.event_end = widgets.Text(description="Last day", placeholder="YYYY-MM-DD")
        self.event_candidates = widgets.Text(
            description="Candidate days", style=wide, placeholder="YYYY-MM-DD | YYYY-MM-DD, if ambiguous"
        )
        self.event_resolved_by = widgets.Dropdown(
            options=allowed_values(descriptor, "events", "resolved_by"), description="Resolved by", style=wide
        )
        self.event_certainty = widgets.Dropdown(
            options=allowed_values(descriptor, "events", "certainty"), description="Certainty"
        )
        self.event_source = widgets.Text(
            description="How you know", style=wide, layout=widgets.Layout(width="50em"),
            placeholder="the calendar rule, or the source you checked",
        )  # fmt: skip
        self.event_note = widgets.Text(description="Note", layout=widgets.Layout(width="50em"))
        self.event_save_button = widgets.Button(
            description="Keep my changes to this event", button_style="success", layout=AUTO
        )
        self.event_add_button = widgets.Button(description="Add as a new event", button_style="primary", layout=AUTO)
        self.event_delete_button = widgets.Button(description="Delete this event", button_style="danger", layout=AUTO)
        events = widgets.VBox(
            [
                _help(
                    "The finder proposes an event for each time phrase it sees near a word for a meeting, call, "
                    "visit or statement, dated from the publication day by lesson 04's calendar rules. Choose one "
                    "to check it and keep your changes, delete one that is no event, or choose a block, pick its "
                    "time words and add an event the finder missed. 'Propose the date' fills in the days; change "
                    "them when the text says more (a future 'on Monday', a 'last Tuesday' you can settle)."
                ),
                self.event_choice,
                self.event_block,
                self.event_block_view,
                widgets.HBox([self.event_time_found, self.event_time_words]),
                widgets.HBox([self.event_type, self.event_place]),
                self.event_description,
                self.event_propose_button,
                widgets.HBox([self.event_start, self.event_end, self.event_candidates]),
                widgets.HBox([self.event_resolved_by, self.event_certainty]),
                self.event_source,
                self.event_note,
                widgets.HBox([self.event_save_button, self.event_add_button, self.event_delete_button]),
            ]
        )

        # Saving, and starting over.
        # Fixed by the cell that made the tool: the draft, the save and Start over all belong to this one folder.
        self.folder = widgets.Text(
            value=str(folder), description="Folder", disabled=True, layout=widgets.Layout(width="60em")
        )
        self.save_button = widgets.Button(description="Save", button_style="warning")
        self.start_over_button = widgets.Button(description="Start over…", layout=AUTO)
        self.confirm_start_over = widgets.Button(
            description="Yes: keep my work as a backup and start over", button_style="danger", layout=AUTO
        )
        self.cancel_start_over = widgets.Button(description="No, carry on", layout=AUTO)
        self.confirm_box = widgets.HBox([self.confirm_start_over, self.cancel_start_over])
        self.confirm_box.layout.display = "none"
        save = widgets.VBox(
            [
                _help(
                    "Every change you make is kept at once in a draft beside your folder, so re-running the cell "
                    "or restarting the kernel reopens your work where you left it. Saving checks your work with "
                    "the course's loader and writes the article folder; if it finds a problem, nothing is changed "
                    "and the message says which quote, speaker or event to fix."
                ),
                self.folder,
                self.save_button,
                _help("Start over goes back to the finder's proposals; your work so far is kept as a dated backup."),
                self.start_over_button,
                self.confirm_box,
            ]
        )

        self.tabs = widgets.Tab(children=[review, add_quote, speakers, events, save])
        self.tabs.titles = ("Review proposals", "Add a missed quote", "Speakers", "Events", "Save")

        self.previous_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(1))
        self.accept_button.on_click(lambda _: self._act(self._accept))
        self.reject_button.on_click(lambda _: self._act(self._reject))
        self.split_button.on_click(lambda _: self._act(self._split))
        self.add_quote_button.on_click(lambda _: self._act(self._add_quote))
        self.add_speaker_button.on_click(lambda _: self._act(self._add_speaker))
        self.update_speaker_button.on_click(lambda _: self._act(self._update_speaker))
        self.delete_speaker_button.on_click(lambda _: self._act(self._delete_speaker))
        self.save_button.on_click(lambda _: self._act(self.save))
        self.start_over_button.on_click(lambda _: self._ask_to_start_over(True))
        self.cancel_start_over.on_click(lambda _: self._ask_to_start_over(False))
        self.confirm_start_over.on_click(lambda _: self._act(self._start_over))
        self.event_propose_button.on_click(lambda _: self._act(self._propose_date))
        self.event_save_button.on_click(lambda _: self._act(self._keep_event))
        self.event_add_button.on_click(lambda _: self._act(self._add_event))
        self.event_delete_button.on_click(lambda _: self._act(self._delete_event))
        self.new_block.observe(self._show_block, names="value")
        self.speaker_choice.observe(self._show_speaker, names="value")
        self.event_choice.observe(self._show_event, names="value")
        self.event_block.observe(self._show_event_block, names="value")
        self.event_time_found.observe(self._pick_time_words, names="value")
        super().__init__([self.progress, self.tabs, self.message])
        self._refresh()
        self._show_block()
        self._show_event()

    # ----- what the buttons do ---------------------------------------------------------------------------------
    def current(self) -> str | None:
        ids = self.annotation.proposals()
        if not ids:
            return None
        self.annotation.position = min(max(self.annotation.position, 0), len(ids) - 1)
        return ids[self.annotation.position]

    def _move(self, step: int) -> None:
        self.annotation.move(step)
        self.message.value = ""
        self._refresh()

    def _current_or_refuse(self) -> str:
        quote_id = self.current()
        if quote_id is None:
            raise ValueError(NOTHING_TO_REVIEW)
        return quote_id

    def _accept(self) -> str:
        quote_id = self._current_or_refuse()
        row = self.annotation.quote(quote_id)
        names_before = self.annotation.speakers.set_index("speaker_id")["names_as_written"].to_dict()
        changes = {"speaker_id": self.speaker.value, "kind": self.kind.value, "verb": self.verb.value.strip()}
        changed = {key: value for key, value in changes.items() if value != row[key]}
        if changed:
            self.annotation.fix(quote_id, **changed)
        else:
            self.annotation.accept(quote_id)
        self.annotation.move(1)
        fixed = f" with your corrections ({', '.join(changed)})" if changed else ""
        names_after = self.annotation.speakers.set_index("speaker_id")["names_as_written"].to_dict()
        grown = [ident for ident, names in names_after.items() if names != names_before.get(ident)]
        named = "".join(
            f" “{row['speaker_as_written']}” is now one of the names {ident} is written by." for ident in grown
        )
        return f"Accepted {quote_id}{fixed}.{named}"

    def _reject(self) -> str:
        quote_id = self._current_or_refuse()
        self.annotation.reject(quote_id)
        self.annotation.move(1)
        return f"Rejected {quote_id}: it will not be saved."

    def _split(self) -> str:
        quote_id = self._current_or_refuse()
        second = self.annotation.split(quote_id, self.split_words.value)
        self.split_words.value = ""
        return f"Split {quote_id}; its second part is {second}, waiting for review."

    def _add_quote(self) -> str:
        quote_id = self.annotation.add_quote(
            block=self.new_block.value,
            text=self.new_text.value,
            speaker_id=self.new_speaker.value,
            kind=self.new_kind.value,
            verb=self.new_verb.value.strip(),
            attributed_in_block=self.new_attributed_in.value,
        )
        self.new_text.value = ""
        return f"Added {quote_id} in block {self.new_block.value}."

    def _speaker_fields(self) -> dict[str, str]:
        return {
            "side": self.speaker_side.value,
            "organisation": self.speaker_organisation.value.strip(),
            "voice_type": self.speaker_voice.value,
            "organisation_type": self.speaker_org_type.value,
        }

    def _add_speaker(self) -> str:
        ident = self.annotation.add_speaker(
            self.speaker_name.value, names_as_written=self.speaker_written.value.strip(), **self._speaker_fields()
        )
        self._refresh()
        self.speaker_choice.value = ident
        return f"Added the speaker {self.speaker_name.value} ({ident}); choose them for a quote."

    def _update_speaker(self) -> str:
        ident = self.speaker_choice.value
        if ident == NEW:
            raise ValueError("Choose the speaker to update, or use 'Add as a new speaker'")
        had_names = self.annotation.speakers.set_index("speaker_id").loc[ident, "names_as_written"] is not None
        # An empty box means the name, except for a voice the article names nowhere (the unattributed statements'
        # "(no speaker named)"), whose names stay empty: the loader checks each one stands in the text.
        fallback = self.speaker_name.value.strip() if had_names else None
        self.annotation.edit_speaker(
            ident,
            name=self.speaker_name.value.strip(),
            names_as_written=self.speaker_written.value.strip() or fallback,
            **self._speaker_fields(),
        )
        side = side_label(self.speaker_side.value, self.annotation.descriptor.get("article"))
        return f"Updated {ident}: side {side}."

    def _delete_speaker(self) -> str:
        ident = self.speaker_choice.value
        if ident == NEW:
            raise ValueError("Choose the speaker to delete")
        self.annotation.delete_speaker(ident)
        return f"Deleted the speaker {ident}."

    def save(self) -> str:
        return str(self.annotation.save(self.folder.value))

    def _ask_to_start_over(self, asking: bool) -> None:
        self.confirm_box.layout.display = "flex" if asking else "none"
        self.message.value = (
            _message("Start over? Your saved folder and your draft are moved to a dated backup first.", False)
            if asking
            else _message("Carrying on: nothing was changed.", True)
        )

    def _start_over(self) -> str:
        backup = start_over(self.annotation, self.folder.value, self.start)
        self.confirm_box.layout.display = "none"
        self._refresh()  # the event list changes, so the chosen event is shown afresh
        return f"Started over from the finder's proposals; your earlier work is kept in {backup}."

    # ----- events ------------------------------------------------------------------------------------------------
    def _event_fields(self) -> dict[str, object]:
        return {
            "block": self.event_block.value,
            "time_words": self.event_time_words.value.strip() or None,
            "event_type": self.event_type.value,
            "description": self.event_description.value.strip(),
            "place_as_written": self.event_place.value.strip() or None,
            "date_start": self.event_start.value.strip() or None,
            "date_end": self.event_end.value.strip() or None,
            "date_candidates": self.event_candidates.value.strip() or None,
            "resolved_by": self.event_resolved_by.value,
            "certainty": self.event_certainty.value,
            "resolution_source": self.event_source.value.strip() or None,
            "note": self.event_note.value.strip() or None,
        }

    def _propose_date(self) -> str:
        words = self.event_time_words.value.strip()
        if not words:
            raise ValueError("Type or pick the time words first (for example “on Tuesday” or “last month’s”)")
        fields = self.annotation.propose_dates(words)
        if fields is None:
            raise ValueError(f"The calendar cannot place {words!r}: type the first and last day yourself")
        self.event_start.value, self.event_end.value = fields["date_start"], fields["date_end"]
        self.event_candidates.value = fields["date_candidates"] or ""
        self.event_certainty.value, self.event_resolved_by.value = fields["certainty"], fields["resolved_by"]
        self.event_source.value = fields["resolution_source"]
        return f"The calendar reads {words!r}: {fields['resolution_source']} ({fields['certainty']}). Check it."

    def _keep_event(self) -> str:
        event_id = self.event_choice.value
        if event_id == NEW:
            raise ValueError("Choose an event to change, or use 'Add as a new event'")
        self.annotation.edit_event(event_id, **self._event_fields())
        return f"Kept your review of the event {event_id}."

    def _add_event(self) -> str:
        fields = self._event_fields()
        event_id = self.annotation.add_event(fields.pop("block"), fields.pop("event_type"), fields.pop("description"),
                                             **fields)  # fmt: skip
        self._refresh()
        self.event_choice.value = event_id
        return f"Added the event {event_id}."

    def _delete_event(self) -> str:
        event_id = self.event_choice.value
        if event_id == NEW:
            raise ValueError("Choose the event to delete")
        self.annotation.delete_event(event_id)
        return f"Deleted the event {event_id}: it will not be saved."

    def _act(self, action) -> None:
        """Run a button's action; show what happened, or why it could not be done."""
        try:
            done = action()
        except DataError as error:
            quote_id = self.annotation.quote_at_saved_row(error)
            if quote_id in self.annotation.proposals():
                self.annotation.position = self.annotation.proposals().index(quote_id)  # show it in Review
            self.message.value = _message(
                f"Not saved ({self.annotation.where(error)}): {error.problem}. Nothing in {self.folder.value} "
                "was changed; fix this and save again.",
                False,
            )
        except KeyError as error:  # str() of a KeyError wraps its message in quotes
            self.message.value = _message(str(error.args[0]) if error.args else str(error), False)
        except ValueError as error:
            self.message.value = _message(str(error), False)
        else:
            self.message.value = _message(done, True)
        self._refresh()

    # ----- showing the state ----------------------------------------------------------------------------------
    def _refresh(self) -> None:
        annotation = self.annotation
        counts = annotation.counts()
        ids = annotation.proposals()
        speakers = [(f"{row.name} ({row.speaker_id})", row.speaker_id) for row in annotation.speakers.itertuples()]
        for dropdown in (self.speaker, self.new_speaker, self.speaker_choice):
            chosen = dropdown.value
            dropdown.options = [*speakers, ("— a new speaker —", NEW)] if dropdown is self.speaker_choice else speakers
            if chosen in dict(speakers).values() or (chosen == NEW and dropdown is self.speaker_choice):
                dropdown.value = chosen
            elif speakers:
                dropdown.value = speakers[0][1]
        events = annotation.event_counts()
        chosen_event = self.event_choice.value
        options = [(self._event_label(event_id), event_id) for event_id in annotation.event_ids()]
        self.event_choice.options = [*options, ("— a new event —", NEW)]
        self.event_choice.value = chosen_event if chosen_event in dict(options).values() else NEW
        quote_id = self.current()
        self.progress.value = (
            f"<b>{counted(len(ids), 'quote')}</b>: {counts[ACCEPTED]} accepted, {counts[REJECTED]} rejected, "
            f"<b>{counts[PENDING]} waiting for review</b> · <b>{counted(len(annotation.event_status), 'event')}</b>: "
            f"<b>{events[PENDING]} waiting for review</b> · "
            f"<b>{counted(len(annotation.saved_speaker_ids()), 'speaker')}</b>: "
            f"<b>{len(annotation.speakers_to_review())} waiting for review</b> (give each a side and update it)."
        )
        if quote_id is None:
            self.quote_view.value = "<p><i>No quotes yet: add one the finder missed.</i></p>"
            return
        row = annotation.quote(quote_id)
        self.speaker.value = row["speaker_id"]
        self.kind.value = row["kind"]
        self.verb.value = row["verb"] or ""
        self.quote_view.value = self._quote_html(quote_id, row)

    def _quote_html(self, quote_id: str, row: dict) -> str:
        annotation = self.annotation
        text = annotation.block_text(row["block"])
        start, end = int(row["start"]), int(row["end"])
        speaker = annotation.speakers.set_index("speaker_id").loc[row["speaker_id"]]
        meta = annotation.descriptor.get("article")
        colour = side_colours(annotation.sides(), declared_colours(meta)).get(speaker["side"], "#999999")
        state = annotation.status[quote_id]
        return (
            f"<p><b>{quote_id}</b> ({annotation.position + 1} of {len(annotation.proposals())}) · "
            f"block {row['block']} · <b>{STATE_LABELS[state]}</b></p>"
            f"<p style='max-width:60em;line-height:1.6'>{escape(text[:start])}"
            f"<mark style='background:{tint(colour)};border-bottom:3px solid {colour}'>{escape(text[start:end])}</mark>"
            f"{escape(text[end:])}</p>"
            f"<p><small>Proposed: {escape(str(speaker['name']))} ({escape(side_label(speaker['side'], meta))}) · "
            f"{row['kind']} · “{escape(str(row['verb']))}” · {escape(str(row['note'] or ''))}</small></p>"
        )

    def _show_block(self, change: object = None) -> None:
        block = self.new_block.value
        self.new_attributed_in.value = block
        self.block_view.value = (
            f"<p style='max-width:60em;background:#f6f6f6;padding:.4em'>{escape(self.annotation.block_text(block))}</p>"
        )

    def _event_label(self, event_id: str) -> str:
        row = self.annotation.event(event_id)
        state = STATE_LABELS[self.annotation.event_status[event_id]]
        words = f"“{row['time_words']}”" if row["time_words"] else "no time words"
        return f"{event_id} · block {row['block']} · {words} · {row['event_type']} · {state}"

    def _show_event(self, change: object = None) -> None:
        event_id = self.event_choice.value
        if event_id == NEW:
            for field in (self.event_description, self.event_place, self.event_start, self.event_end):
                field.value = ""
            for field in (self.event_candidates, self.event_source, self.event_note, self.event_time_words):
                field.value = ""
            self._show_event_block()
            return
        row = self.annotation.event(event_id)
        self.event_block.value = int(row["block"])
        self._show_event_block()
        self.event_time_words.value = row["time_words"] or ""
        self.event_type.value = row["event_type"]
        self.event_description.value = row["description"] or ""
        self.event_place.value = row["place_as_written"] or ""
        self.event_start.value = row["date_start"] or ""
        self.event_end.value = row["date_end"] or ""
        self.event_candidates.value = row["date_candidates"] or ""
        self.event_resolved_by.value = row["resolved_by"]
        self.event_certainty.value = row["certainty"]
        self.event_source.value = row["resolution_source"] or ""
        self.event_note.value = row["note"] or ""

    def _show_event_block(self, change: object = None) -> None:
        text = self.annotation.block_text(self.event_block.value)
        found = list(dict.fromkeys(match.group(0) for match in TIME_PHRASE.finditer(text)))
        self.event_time_found.options = [("(choose)", ""), *((words, words) for words in found)]
        self.event_time_found.value = ""
        self.event_block_view.value = f"<p style='max-width:60em;background:#f6f6f6;padding:.4em'>{escape(text)}</p>"

    def _pick_time_words(self, change: object = None) -> None:
        if self.event_time_found.value:
            self.event_time_words.value = self.event_time_found.value

    def _show_speaker(self, change: object = None) -> None:
        ident = self.speaker_choice.value
        if ident is None:
            return
        if ident == NEW:  # clean boxes: a new speaker takes nothing from the one shown before
            self.speaker_name.value = self.speaker_written.value = self.speaker_organisation.value = ""
            sides = list(self.speaker_side.options)
            self.speaker_side.value = "unclear" if "unclear" in sides else sides[0]
            self.speaker_voice.value = self.speaker_voice.options[0]
            self.speaker_org_type.value = self.speaker_org_type.options[0]
            return
        row = self.annotation.speakers.set_index("speaker_id").loc[ident]
        self.speaker_name.value = str(row["name"])
        self.speaker_written.value = str(row["names_as_written"] or "")
        self.speaker_side.value = row["side"]
        self.speaker_organisation.value = str(row["organisation"] or "")
        self.speaker_voice.value = row["voice_type"]
        self.speaker_org_type.value = row["organisation_type"]


AUTO = widgets.Layout(width="auto")
# Wide enough for a full name and its id ("Teodora Vallance (teodora_vallance)"): the default cuts names off.
SPEAKER_MENU = widgets.Layout(width="34em")


def _help(text: str) -> widgets.HTML:
    return widgets.HTML(f"<p style='color:#444;max-width:60em'>{escape(text)}</p>")


def _message(text: str, good: bool) -> str:
    colour = "#009E73" if good else "#D55E00"
    return f"<div style='border-left:6px solid {colour};padding:.3em .8em;margin:.3em 0'>{escape(text)}</div>"


def annotation_widget(
    annotation: Annotation, folder: str | Path, start: Callable[[], Annotation] | None = None
) -> AnnotationWidget:
    """The annotation tool for `annotation`, saving to `folder`; "Start over" begins again with `start()`."""
    return AnnotationWidget(annotation, folder, start)
