from app.core.navigation import SlideCursor


def test_next_stops_at_the_last_slide():
    cursor = SlideCursor(3)
    assert cursor.next() and cursor.next()
    assert cursor.at_last
    assert cursor.next() is False
    assert cursor.index == 2


def test_previous_stops_at_the_first_slide():
    cursor = SlideCursor(3)
    assert cursor.previous() is False
    assert cursor.index == 0


def test_go_clamps_out_of_range():
    cursor = SlideCursor(5)
    assert cursor.go(99)
    assert cursor.index == 4
    assert cursor.go(-3)
    assert cursor.index == 0


def test_first_and_last():
    cursor = SlideCursor(4, index=2)
    assert cursor.last() and cursor.index == 3
    assert cursor.first() and cursor.index == 0


def test_attract_loop_wraps_from_last_to_first():
    cursor = SlideCursor(2, index=1)
    assert cursor.advance_wrapping()
    assert cursor.index == 0


def test_single_slide_never_moves():
    cursor = SlideCursor(1)
    assert not cursor.next()
    assert not cursor.advance_wrapping()


def test_empty_deck_is_safe():
    cursor = SlideCursor(0)
    assert not cursor.next() and not cursor.previous()
    assert cursor.index == 0


def test_resize_keeps_position_when_it_still_exists():
    cursor = SlideCursor(10, index=7)
    cursor.resize(12)
    assert cursor.index == 7
    cursor.resize(5)
    assert cursor.index == 4
