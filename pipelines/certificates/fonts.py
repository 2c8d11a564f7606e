"""The only fonts a document uses: Source Serif Pro, shipped by the `font-source-serif-pro` package (SIL Open Font
License 1.1, its LICENSE.txt beside the font files), never the machine's fonts, so that the same HTML gives the same
line breaks and PDF bytes on any machine.

The stylesheet names each face as `font:<file>`; `ProjectFonts` is the renderer's only way to fetch anything, and it
serves those files and refuses every other URL, so a document can neither reach the network nor read another file.
"""

from __future__ import annotations

from pathlib import Path

import font_source_serif_pro
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
