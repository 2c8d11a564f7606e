"""The only fonts a document uses: Source Serif Pro, shipped by the `font-source-serif-pro` package (SIL Open Font
License 1.1, its LICENSE.txt beside the font files), never the machine's fonts, so that the same HTML gives the same
line breaks and PDF bytes on any machine.

The stylesheet names each face as `font:<file>`; `ProjectFonts` is the renderer's only way to fetch anything, and it
serves those files and refuses every other URL, so a document can neither reach the network nor read another file.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

import font_source_serif_pro
import pydyf
from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

SCHEME = "font:"
FONT_DIRECTORY = Path(font_source_serif_pro.font_directory)
FACES = ("SourceSerifPro-Regular.ttf", "SourceSerifPro-It.ttf", "SourceSerifPro-Bold.ttf", "SourceSerifPro-BoldIt.ttf")


class ProjectFonts(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), fail_on_errors=True)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        name = url.removeprefix(SCHEME)
        if not url.startswith(SCHEME) or name not in FACES:
            raise ValueError(f"a document may use the project's fonts and nothing else, not {url}")
        return URLFetcherResponse(url, (FONT_DIRECTORY / name).read_bytes(), {"Content-Type": "font/ttf"})


_DEFLATED: dict[bytes, bytes] = {}  # sha256 of a font's stream → the stream deflated, for this process's next PDFs


def deflate_fonts_once(document, pdf: pydyf.PDF) -> None:
    """A PDF finisher: every document embeds the same font files and Unicode maps whole, and deflating them again for
    each PDF was a fifth of a small document's time. Each such stream is deflated once per process, as pydyf does it (zlib level 9),
    and its bytes reused, so every PDF is byte for byte what pydyf would write."""
    for stream in _font_streams(pdf):
        if not stream.compress or not all(isinstance(item, bytes) for item in stream.stream):
            continue
        content = b"\n".join(stream.stream)  # how pydyf joins a stream's items
        key = hashlib.sha256(content).digest()
        if key not in _DEFLATED:
            deflate = zlib.compressobj(level=9)
            _DEFLATED[key] = deflate.compress(content) + deflate.flush()
        stream.stream, stream.compress = [_DEFLATED[key]], False
        stream.extra["Filter"] = "/FlateDecode"  # where pydyf puts it: after the font's own keys, before the length


def _font_streams(pdf: pydyf.PDF) -> list[pydyf.Stream]:
    """The embedded font files (FontFile2, FontFile3) and the fonts' ToUnicode maps."""
    references = []
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Type") == "/Font" and "ToUnicode" in item:
            references.append(item["ToUnicode"])
        elif isinstance(item, pydyf.Dictionary) and item.get("Type") == "/FontDescriptor":
            references += [item[key] for key in ("FontFile2", "FontFile3") if key in item]
    return [pdf.objects[int(reference.split()[0])] for reference in references]
