"""The screen's learned layer (bot/domain/screen/learned.py): it only ever raises a level, says why,
respects historical framing, and its shipped weights still fit the lexicon they were trained with."""

from __future__ import annotations

import pytest

from benchmarks import screen_learned as training
from bot.domain.screen import learned
from bot.domain.screen.assess import Level, assess, default_rules
from bot.domain.screen.lemmas import wait_loaded
from bot.domain.screen.match import fired
from bot.domain.screen.tag import tag
from tests.domain.screen import screen_corpus as corpus


@pytest.fixture(scope="module", autouse=True)
def _lemmas() -> None:
    wait_loaded(None)


@pytest.fixture
def switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "ENABLED", True)


def test_switched_off_the_rules_alone_decide() -> None:
    assert not learned.ENABLED  # off in the product for now (see learned.ENABLED)
    for example in corpus.development()[:400]:
        assert assess(example.text).reasons == _rules_alone(example.text)


def _rules_alone(text: str) -> tuple[str, ...]:
    rules = default_rules()
    lang, clauses = tag(text, rules)
    found = fired(clauses, lang, rules)
    return tuple(sorted(found, key=lambda r: -found[r]))


def _toy() -> learned.Model:
    weights = {"p:DIE+NOW": 3.0, "l:bridge": 2.0, "c:NEG": -4.0}
    return learned.Model({"crisis": (-3.0, weights, {"en": 0.8, "es": 0.9})})


def test_the_shipped_model_loads_with_a_threshold_per_language() -> None:
    model = learned.shipped_model()
    assert model is not None
    assert set(model.levels) == {"crisis"}
    _, weights, thresholds = model.levels["crisis"]
    assert len(weights) > 100 and set(thresholds) == {"en", "es"}
    assert all(0.5 <= t < 1 for t in thresholds.values())


@pytest.mark.usefixtures("switched_on")
def test_it_never_lowers_the_rules_verdict_nor_drops_a_reason() -> None:
    raised = 0
    for example in corpus.locked() + corpus.development():
        alone = _rules_alone(example.text)
        result = assess(example.text)
        assert set(alone) <= set(result.reasons), example.text
        top = Level(alone[0].split(":", 1)[0]) if alone else Level.NONE
        assert result.level >= top, example.text
        raised += result.level > top
    assert raised > 0  # the layer is wired in: it raised something on its own training data


def test_a_raise_names_its_strongest_features_for_a_clinician() -> None:
    found = {"p:DIE+NOW", "l:bridge", "l:the"}
    added = learned.raise_level(_toy(), found, "en", ("relapse:use",))
    assert added == ['crisis:learned(DIE+NOW, "bridge")']


def test_a_check_the_rules_gave_stays_a_check() -> None:
    # one sign alone is asked about on purpose ("the shotgun is loaded and sitting on my bed")
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge"}, "en", ("check:means_at_hand",)) == []


def test_below_the_threshold_or_under_a_negation_nothing_is_added() -> None:
    assert learned.raise_level(_toy(), {"p:DIE+NOW"}, "en", ()) == []  # P = 0.5 < 0.8
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge", "c:NEG"}, "en", ()) == []
    # P = 0.88: over the English threshold, under the Spanish one
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge"}, "es", ()) == []
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge"}, "fr", ()) == []


def test_a_rules_crisis_is_left_alone() -> None:
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge"}, "en", ("crisis:wish_dead",)) == []


def test_historical_or_hypothetical_framing_makes_a_learned_crisis_a_check() -> None:
    found = {"p:DIE+NOW", "l:bridge", "c:HIST"}
    assert learned.raise_level(_toy(), found, "en", ()) == ['check:learned(DIE+NOW, "bridge")']
    assert learned.raise_level(_toy(), found, "en", ("check:hopeless",)) == []


def test_a_benign_reading_the_rules_saw_makes_a_learned_crisis_a_check() -> None:
    rules = default_rules()
    text = "if i didn't wake up till noon tomorrow i'd be fine honestly"
    lang, clauses = tag(text, rules)
    found = learned.features(text, lang, clauses, (), rules)
    assert learned.BENIGN_READING in found  # "till noon" is how the rules read "not wake up" as sleep
    assert learned.raise_level(_toy(), {"p:DIE+NOW", "l:bridge", learned.BENIGN_READING}, "en", ()) == [
        'check:learned(DIE+NOW, "bridge")'
    ]
    plain = "i hope i don't wake up tomorrow"
    lang, clauses = tag(plain, rules)
    assert learned.BENIGN_READING not in learned.features(plain, lang, clauses, (), rules)


def test_features_carry_concepts_pairs_negations_lemmas_and_the_rules_reasons() -> None:
    rules = default_rules()
    text = "I don't want to be here tonight"
    lang, clauses = tag(text, rules)
    found = learned.features(text, lang, clauses, ("check:hopeless",), rules)
    assert {"c:NEG", "l:tonight", "r:check:hopeless", "v:check"} <= found
    assert any(f.startswith("p:") for f in found) and any(f.startswith("n:") for f in found)
    assert any(f.startswith("b:") for f in found)


def test_only_pairs_the_model_weighs_are_built_and_the_score_is_the_same() -> None:
    model = learned.shipped_model()
    assert model is not None and model.partners
    rules = default_rules()
    for example in corpus.locked()[:150]:
        lang, clauses = tag(example.text, rules)
        reasons = _rules_alone(example.text)
        every = learned.features(example.text, lang, clauses, reasons, rules)
        some = learned.features(example.text, lang, clauses, reasons, rules, model.partners)
        assert some <= every
        assert model.score("crisis", some) == pytest.approx(model.score("crisis", every))


@pytest.mark.usefixtures("switched_on")
def test_long_messages_are_left_to_the_rules() -> None:
    text = "i want to jump off the bridge tonight " * 20
    assert len(text) > learned.MAX_CHARS
    assert all("learned" not in r for r in assess(text).reasons)


def test_training_is_deterministic() -> None:
    data = [({"a", "b"}, 1), ({"b", "c"}, 0), ({"a"}, 1), ({"c"}, 0)]
    assert training.train(data, 0.01) == training.train(data, 0.01)


def test_the_shipped_weights_still_fit_the_lexicon() -> None:
    """Features come from the lexicon's concept names: when a concept the model weighs is renamed or
    removed, its weight silently stops counting. Retrain (python -m benchmarks.screen_learned train)
    when this fails."""
    model = learned.shipped_model()
    assert model is not None
    _, weights, _ = model.levels["crisis"]
    rules = default_rules()
    seen: set[str] = set()
    for example in corpus.development():
        lang, clauses = tag(example.text, rules)
        seen |= learned.features(example.text, lang, clauses, _rules_alone(example.text), rules)
    conceptual = {f: abs(w) for f, w in weights.items() if f[0] in "cpnr"}
    lost = sum(w for f, w in conceptual.items() if f not in seen)
    assert lost <= 0.05 * sum(conceptual.values()), "the model is stale: retrain it (see README)"
