import codecs

import pytest

from core.ingest.decode import decode
from core.ingest.errors import IngestError

TEXT = "Les “élections” à Zürich — naïve café, 5 € fee.\n"


def test_utf8_plain_and_with_bom():
    assert decode(TEXT.encode("utf-8")) == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    assert decode(TEXT.encode(encoding)) == TEXT


def test_cp1252_detected():
    text = ("The minister said the “reform” would cost €5 million, and critics called it a “naïve” plan "
            "that ignores the café owners of the old town. ") * 3
    assert decode(text.encode("cp1252")) == text


def test_empty_and_blank_files_rejected():
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(IngestError, match="empty"):
            decode(data)


def test_binary_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(IngestError, match="binary"):
        decode(png)


def test_invalid_bytes_after_bom_rejected():
    with pytest.raises(IngestError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd broken")


def test_cyrillic_cp1251_not_mistaken_for_cp1252():
    text = "Президент заявил, что переговоры продолжатся на следующей неделе в столице. " * 3
    assert decode(text.encode("cp1251")) == text
