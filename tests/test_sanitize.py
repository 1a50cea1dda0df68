from core.ingest.sanitize import sanitize, sanitize_field


def test_line_endings_become_newlines():
    assert sanitize("a\r\nb\rc\n") == "a\nb\nc\n"


def test_csi_sequences_removed():
    assert sanitize("\x1b[31mred\x1b[0m and \x1b[2J\x1b[Hclear") == "red and clear"


def test_osc_sequences_removed_with_either_terminator():
    assert sanitize("x\x1b]0;evil title\x07y") == "xy"
    assert sanitize("x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\y") == "xlinky"


def test_unterminated_osc_stops_at_line_end():
    assert sanitize("a\x1b]0;title\nnext line") == "a\nnext line"


def test_eight_bit_sequences_removed_and_a_lone_c1_control_replaced():
    assert sanitize("a\x9b31mb\x9d0;t\x9cc\x85d") == "abc\ufffdd"
    assert sanitize("FranÃ\x83Â§ois said") == "FranÃ\ufffdÂ§ois said"  # mojibake keeps its length


def test_dcs_and_single_escapes_removed():
    assert sanitize("a\x1bPq#0;2;0;0;0\x1b\\b\x1bcc\x1b(Bd") == "abcd"


def test_c0_controls_replaced_but_tab_and_newline_kept():
    assert sanitize("a\x00b\x07c\x08d\te\nf\x7fg") == "a\ufffdb\ufffdc\ufffdd\te\nf\ufffdg"


def test_bidi_overrides_replaced():
    assert sanitize("invoice\u202egpj.exe\u2066x\u2069") == "invoice\ufffdgpj.exe\ufffdx\ufffd"


def test_typography_untouched():
    text = "“Curly” ‘quotes’, non\u00a0breaking, accents: café, naïve — dash… ’90s"
    assert sanitize(text) == text


def test_field_folds_whitespace_and_empties_to_none():
    assert sanitize_field("  Big\n\tNews\x1b[1m  ") == "Big News"
    assert sanitize_field("\x1b[0m  ") is None
    assert sanitize_field(None) is None


def test_lone_surrogates_replaced():
    assert sanitize("a\ud800b\udfffc") == "a\ufffdb\ufffdc"


def test_fields_drop_controls_rather_than_mark_them():
    assert sanitize_field("Big\x85 News\u202e") == "Big News"
