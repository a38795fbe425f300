import pytest

from khabar.api import extract_text


@pytest.fixture(scope="session")
def extract():
    """extract(text, published=...) -> Extraction, with the real spaCy model."""
    return extract_text
