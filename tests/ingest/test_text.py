"""Text and Markdown articles: header, footer and body apart (own examples, not the gold files)."""
from khabar.ingest.text import inline, parse_text

ARTICLE = """# Parliament Backs Water Deal

A short standfirst that sums up the story.

By [Jane Roe](#) and John Doe

March 3, 2020

Delegates at the signing in the capital. **Anna Lee / Example Photo**

The parliament of Examplestan approved the deal on Tuesday, officials said. It
will cost \\\\$40 million over *five* years.

**Related article:** [Dam Talks Stall Again](https://example.org/dam)

The minister told reporters that the vote was

only the first step.

*This article was first [published](#) by the Example Institute.*

*The views expressed in opinion pieces do not necessarily reflect the position of The Example Times.*

Original url:

<https://example.org/2020/03/03/water-deal>
"""


def test_header_fields():
    p = parse_text(ARTICLE)
    assert p.title == "Parliament Backs Water Deal"
    assert p.subtitle == "A short standfirst that sums up the story."
    assert p.authors == ["Jane Roe", "John Doe"]
    assert p.published == "2020-03-03"
    assert p.captions == ["Delegates at the signing in the capital. Anna Lee / Example Photo"]


def test_footer_fields():
    p = parse_text(ARTICLE)
    assert p.origin == "Example Institute"
    assert p.publisher == "The Example Times"
    assert p.url == "https://example.org/2020/03/03/water-deal"
    assert p.related == [{"title": "Dam Talks Stall Again", "url": "https://example.org/dam"}]


def test_body_is_clean():
    body = parse_text(ARTICLE).body
    assert body.startswith("The parliament of Examplestan approved")
    assert "$40 million over five years." in body
    assert "the vote was only the first step." in body  # paragraph broken mid-sentence, joined
    for junk in ("Related", "Dam Talks", "views expressed", "Original url", "](", "**", "Anna Lee", "\\"):
        assert junk not in body


def test_plain_text_title_and_url_on_one_line():
    p = parse_text("Floods Hit the Coast\n\nBy Example Wire staff\n\nJune 1, 2022\n\nRain fell.\n\n"
                   "Original url: https://wire.example.org/floods\n")
    assert (p.title, p.authors, p.published, p.body) == ("Floods Hit the Coast", ["Example Wire staff"], "2022-06-01", "Rain fell.")
    assert p.url == "https://wire.example.org/floods"


def test_inline_markdown():
    assert inline("a [link](http://x) and <https://y.org/z> and __bold__ and \\*stars\\*") == \
        "a link and https://y.org/z and bold and *stars*"


def test_sentence_starting_with_by_is_not_a_byline():
    p = parse_text("# T\n\nBy standing firm, the country gained.\n\nMay 5, 2021\n\nBody text here.")
    assert p.authors == []
    assert p.subtitle == "By standing firm, the country gained."
