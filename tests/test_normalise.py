from eventdesk.ingest.normalise import normalise

WRAPPED = (
    "Fighting resumes near the border\n"
    "Government troops and fighters of the armed group clashed on Monday in the\n"
    "north of the province, officials said, adding that the fighting lasted several\n"
    "hours and that both sides used heavy weapons in the densely populated area.\n"
    "Aftermath\n"
    "Residents said that at least ten houses were destroyed during the clashes in\n"
    "the town and that many families had fled towards the provincial capital.\n"
)


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    norm = normalise(WRAPPED)
    assert "clashed on Monday in the north of the province" in norm.text
    assert "\n" not in norm.text.split("\n\n")[1]


def test_headings_stay_paragraphs_of_their_own() -> None:
    norm = normalise(WRAPPED)
    paragraphs = [norm.text[s:e] for s, e in norm.paragraphs()]
    assert paragraphs[0] == "Fighting resumes near the border"
    assert paragraphs[2] == "Aftermath"
    assert paragraphs[3].startswith("Residents said")


def test_every_normalised_span_maps_back_to_the_same_words() -> None:
    norm = normalise(WRAPPED)
    start = norm.text.index("in the north")
    span = norm.original_span(start, start + len("in the north"))
    assert span.text == "in the\nnorth"
    assert WRAPPED[span.start : span.end] == span.text


def test_curly_quotes_are_straightened_for_analysis_but_spans_keep_the_original() -> None:
    text = "The security forces’ attack was “carried out” on a hideout, they said.\n"
    norm = normalise(text)
    assert "forces' attack" in norm.text and '"carried out"' in norm.text
    start = norm.text.index("forces'")
    assert norm.original_span(start, start + 7).text == "forces’"


def test_crlf_tabs_and_runs_of_spaces_collapse() -> None:
    text = "Two  soldiers\twere killed\r\nin the attack on Tuesday, the army said.\r\n"
    norm = normalise(text)
    assert norm.text == "Two soldiers were killed in the attack on Tuesday, the army said."
    start = norm.text.index("killed")
    assert text[norm.original_offset(start) :].startswith("killed")


def test_unwrapped_text_keeps_one_paragraph_per_line() -> None:
    first = "The army said on Monday that it had retaken the town after two days of fighting. " * 3
    second = "Aid agencies said thousands of people had fled the area since the start of the month. " * 3
    norm = normalise(first.strip() + "\n" + second.strip() + "\n" + first.strip())
    assert len(norm.paragraphs()) == 3


def test_empty_and_blank_text() -> None:
    assert normalise("").text == ""
    assert normalise(" \n \n").text == ""
