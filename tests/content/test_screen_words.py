"""Touchscreen instructions left out of paper and projector (app/content/screen_words.py)."""

from __future__ import annotations

from app.content.screen_words import for_paper, screen_words

TAP = screen_words("Tap, Touch, ")
TOQUE = screen_words("Toque, Haga clic")


def test_the_listed_words_are_read_from_the_strings():
    assert TAP == ("Tap", "Touch")
    assert TOQUE == ("Toque", "Haga clic")
    assert screen_words("") == ()


def test_a_sentence_that_starts_with_a_screen_word_is_left_out():
    html = "<p>These pages share what science says. Tap Next to go on. Tap a number to see it.</p>"
    assert for_paper(html, TAP) == "<p>These pages share what science says.</p>"


def test_a_short_question_leading_into_it_goes_with_it():
    assert for_paper("<p>Questions? Tap Contact us to call.</p>", TAP) == ""
    spanish = "<p>¿Preguntas? Toque Contáctenos. <strong>¿Necesita ayuda ahora?</strong></p>"
    assert for_paper(spanish, TOQUE) == "<p><strong>¿Necesita ayuda ahora?</strong></p>"
    assert for_paper("<p>Haga clic aquí. Fin.</p>", TOQUE) == "<p>Fin.</p>"


def test_other_words_stay():
    html = "<p>Taps drip. A tap is fine mid-sentence. Touching words stay.</p>"
    assert for_paper(html, TAP) == html
    notes = '- "Who wrote this?" Our clinic. Tap a number to see each one.\n- Next.'
    assert for_paper(notes, TAP) == '- "Who wrote this?" Our clinic.\n- Next.'


def test_a_citation_number_keeps_to_its_sentence():
    html = '<p>It changes. <sup class="cite"><a href="cite:x">4</a></sup></p>'
    assert (
        for_paper(html, ())
        == '<p>It changes.\u00a0<sup class="cite"><a href="cite:x">4</a></sup></p>'
    )
