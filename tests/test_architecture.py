"""docs/architecture.md's picture is drawn from the code; the committed page must hold what the code draws today."""

from pipelines.architecture import committed_picture, picture


def test_the_committed_picture_is_what_the_code_draws():
    assert committed_picture() == picture(), "redraw: make docs"


def test_the_picture_counts_what_the_project_holds():
    drawn = picture()
    # ppca-2002's waivers: the March 24, 2003, March 29, 2004 and May 21, 2004 letters (policies/ppca-2002/waivers/)
    assert '"ppca-2002<br/>' in drawn and "3 waivers" in drawn.split('"ppca-2002<br/>', 1)[1].split('"]', 1)[0]
    # the documents drawn by the clause requiring each: the 4.06(b) annual statement, the ppca-2002 Compliance
    # Certificate of 9.2.4(a)
    documents = drawn.split('documents["', 1)[1].split('"]', 1)[0]
    assert "indenture-1996: 3.05(b), 4.06(a), 4.06(b)" in documents and "9.2.4(a)" in documents
