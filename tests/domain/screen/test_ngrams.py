"""The learned layer (bot/domain/screen/ngrams.py): scikit-learn's analyzers by hand, a tiny model scored
by hand, the model only raising, a crisis buried in a long message, and the shipped model file."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest

from bot.domain.screen import ngrams, tfidf
from bot.domain.screen.assess import Level, assess
from bot.domain.screen.lemmas import wait_loaded
from tests.domain.screen import screen_corpus


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


def test_word_grams_are_sklearns_tokens_of_two_letters_or_more_then_bigrams() -> None:
    # "i" is not a token under (?u)\b\w\w+\b, so "want to" is the first bigram
    assert tfidf.word_grams("i want to go", 1, 2) == ["want", "to", "go", "want to", "to go"]
    assert tfidf.word_grams("no-one's", 1, 1) == ["no", "one"]
    assert tfidf.word_grams("quiero", 1, 2) == ["quiero"]


def test_char_wb_grams_pad_each_word_and_count_a_short_word_once() -> None:
    assert tfidf.char_wb_grams("hi you", 3, 4) == [" hi", "hi ", " hi ", " yo", "you", "ou ", " you", "you "]
    assert tfidf.char_wb_grams("a", 3, 4) == [" a "]
    assert tfidf.char_wb_grams("ok  a\n", 3, 3) == [" ok", "ok ", " a "]


def test_the_preprocessor_lowers_and_strips_accents() -> None:
    assert tfidf.normalise("Ya NO quiero seguir AQUÍ, mañana") == "ya no quiero seguir aqui, manana"


def _tiny(bias: float = -1.0, threshold: float = 0.5) -> ngrams.Model:
    word = tfidf.Block("word", 1, 1, {"pills": (2.0, 1.5), "tonight": (1.0, 1.0), "group": (1.0, -2.0)})
    char = tfidf.Block("char_wb", 3, 3, {" ok": (1.0, 0.5)})
    return ngrams.Model((word, char), bias, {"en": threshold, "default": threshold}, {})


def test_a_tiny_model_scores_as_computed_by_hand() -> None:
    model = _tiny()
    # tf-idf (2, 1), l2 norm sqrt(5): -1 + (2 * 1.5 + 1 * 1) / sqrt(5); unknown words change nothing
    assert model.log_odds("Pills tonight, whatever") == pytest.approx(-1 + 4 / math.sqrt(5), abs=1e-12)
    # sublinear tf: twice "pills" weighs 1 + ln 2, and a block alone normalises to its own length
    assert model.log_odds("pills pills") == pytest.approx(-1 + 1.5, abs=1e-12)
    tf = (1 + math.log(2)) * 2.0
    assert model.log_odds("pills tonight pills") == pytest.approx(
        -1 + (tf * 1.5 + 1) / math.hypot(tf, 1), abs=1e-12
    )
    assert model.log_odds("ok") == pytest.approx(-1 + 0.5, abs=1e-12)
    assert model.log_odds("nothing known") == -1.0
    assert model.probability("pills tonight") == pytest.approx(1 / (1 + math.exp(1 - 4 / math.sqrt(5))))
    assert model.drivers("pills tonight group") == ("pills", "tonight")


def test_the_learned_reason_names_the_words_that_drove_it() -> None:
    reason = ngrams.learned_reason("pills tonight honestly", "en", (), _tiny(bias=0.0))
    assert reason == 'check:learned("pills", "tonight").short'  # short, rules silent, model not sure: asked
    assert (
        ngrams.learned_reason("pills tonight honestly", "en", (), _tiny(bias=3.0))
        == 'crisis:learned("pills", "tonight")'
    )
    long = "so the pills are here and it is going to be tonight then"
    assert ngrams.learned_reason(long, "en", (), _tiny(bias=0.0)) == 'crisis:learned("pills", "tonight")'
    assert ngrams.learned_reason("group tonight", "en", (), _tiny(bias=0.0)) is None


def test_the_model_never_overrides_a_rules_frame_read_as_someone_elses_or_the_past() -> None:
    model = _tiny(bias=50.0)
    assert ngrams.learned_reason("x", "en", ("check:kill_self.third_person",), model) is None
    assert ngrams.learned_reason("x", "en", ("check:kill_self.historical",), model) is None
    assert ngrams.learned_reason("x", "en", ("check:kill_self",), model) is not None
    assert ngrams.learned_reason("x", "en", ("crisis:kill_self",), model) is None  # nothing to add


@pytest.mark.parametrize("bias", [-50.0, 50.0])
def test_the_model_only_raises_what_the_rules_say(monkeypatch: pytest.MonkeyPatch, bias: float) -> None:
    monkeypatch.setattr(ngrams, "_cached", [_tiny(bias=bias)])
    sample = screen_corpus.development()[::15]
    paged = 0
    for ex in sample:
        rules_alone = assess(ex.text, ngrams_layer=False)
        both = assess(ex.text)
        assert both.level >= rules_alone.level, ex.text
        assert set(rules_alone.reasons) <= set(both.reasons), ex.text
        if bias < 0:
            assert both == rules_alone, ex.text
        # Counted here: a third reading of the sample took a third of the time.
        paged += both.level == Level.CRISIS
    if bias > 0:
        assert paged > 0.9 * len(sample)


FILLER = (
    "Group was good today and I talked about my week. Work was busy but fine, my manager let me leave "
    "early on Thursday. I went to a meeting on Wednesday night and saw my sponsor. The kids had a soccer "
    "game on Saturday and we got pizza after. I have been sleeping better since the new schedule. "
)


def test_a_crisis_buried_in_a_long_check_in_is_found_in_its_window() -> None:
    buried = "Been wondering if the bottle of tylenol in the cabinet would be enough."
    text = FILLER * 3 + buried + " " + FILLER * 2
    model = ngrams.shipped()
    assert model is not None
    assert model.probability(text) < model.threshold("en")  # read whole, the rest dilutes it
    verdict = ngrams.read(model, text, "en")
    assert verdict.crisis and "tylenol" in verdict.drivers
    assert not ngrams.read(model, FILLER * 5, "en").crisis


def test_assess_reads_a_long_message_window_by_window(monkeypatch: pytest.MonkeyPatch) -> None:
    word = tfidf.Block("word", 1, 1, {"zebra": (1.0, 3.0), "group": (1.0, -2.0)})
    monkeypatch.setattr(ngrams, "_cached", [ngrams.Model((word,), -1.0, {"default": 0.5}, {})])
    text = FILLER * 3 + "zebra zebra. " + FILLER * 2
    shipped = ngrams.shipped()
    assert shipped is not None and shipped.log_odds(text) < 0  # read whole, it is no crisis
    assert assess(text, ngrams_layer=False).level < Level.CRISIS
    assert assess(text).reasons[0] == 'crisis:learned("zebra")'


def test_windows_are_linear_and_cover_every_sentence() -> None:
    text = "One. " * 2000
    parts = ngrams.windows(text)
    assert sum(map(len, parts)) <= 3 * len(text)
    assert ngrams.windows("short text") == ["short text"]
    long_word = "a" * 1000
    assert all(len(w) <= ngrams.WINDOW for w in ngrams.windows(long_word))


def test_a_page_of_tiny_sentences_is_read_in_few_pieces_and_a_crisis_among_them_is_still_found() -> None:
    """Each piece costs a reading: 'ok. ' a thousand times is about a hundred pieces, not a thousand."""
    tiny = "ok. lol. yes. no! "
    assert len(ngrams._pieces(tiny * 240, ngrams.WINDOW)) <= len(tiny * 240) // ngrams.MIN_PIECE + 1
    model = ngrams.shipped()
    assert model is not None
    buried = "Been wondering if the bottle of tylenol in the cabinet would be enough. "
    verdict = ngrams.read(model, tiny * 120 + buried + tiny * 120, "en")
    assert verdict.crisis and "tylenol" in verdict.drivers
    assert not ngrams.read(model, tiny * 240, "en").crisis


def test_a_sentence_ends_where_white_space_follows_its_stop() -> None:
    """'e.g.', '3.5' and 'x.y' go on; so neighbouring sentences always meet at white space, and their pair is
    scored from their sums rather than read afresh."""
    pieces = ngrams._pieces(
        ("i took 3.5 of them, e.g. the blue ones.tonight ok. " + "x" * 45 + "! ") * 2, 300
    )
    assert [p for p, _ in pieces][:2] == [
        "i took 3.5 of them, e.g. the blue ones.tonight ok.",
        " " + "x" * 45 + "!",
    ]


def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = ngrams.shipped()
    assert model is not None
    trained = model.meta
    assert re.fullmatch(r"[0-9a-f]{64}", str(trained["sha256"]))
    names = list(trained["on"])  # type: ignore[call-overload]
    assert names and not any("locked" in name for name in names)
    assert all((screen_corpus.DATA / name).exists() for name in names)
    assert {b.analyzer for b in model.blocks} == {"word", "char_wb"}
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    assert sum(len(b.features) for b in model.blocks) > 1000
    assert model.probability("great group today, see you thursday") < 0.5


def test_a_model_file_that_does_not_read_leaves_the_rules_screening_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A damaged install must not make the crisis screen raise on every message: the rules go on alone."""
    monkeypatch.setattr(ngrams, "_cached", [])
    monkeypatch.setattr(ngrams, "MODEL_FILE", "no_such_model.json")
    assert ngrams.learned_reason("i have the pills in my hand tonight", "en", ()) is None
    assert any(r.levelname == "ERROR" and "rules only" in r.getMessage() for r in caplog.records)
    assert assess("I want to kill myself tonight").level.value == "crisis"


def _afresh(model: ngrams.Model, text: str) -> float:
    """The layer's definition read plainly, the way it was before any shortcut: per block the tf-idf of
    the known n-grams (sublinear tf), l2-normalised, dotted with the coefficients."""
    prepared = tfidf.normalise(text)
    total = model.bias
    for block in model.blocks:
        counts = Counter(g for g in block.grams(prepared) if g in block.features)
        values = {g: (1.0 + math.log(c)) * block.features[g][0] for g, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm:
            total += sum(v / norm * block.features[g][1] for g, v in values.items())
    return total


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@pytest.mark.slow
def test_the_shortcuts_give_the_same_probability_on_development_texts() -> None:
    """One weight per n-gram (idf x coefficient) scores as the definition does (the trainer checks every
    training text against scikit-learn before it writes a model; a sample here is enough)."""
    model = ngrams.shipped()
    assert model is not None
    for ex in screen_corpus.development()[::9]:
        assert model.probability(ex.text) == pytest.approx(_sigmoid(_afresh(model, ex.text)), abs=1e-9)


@pytest.mark.slow
def test_a_long_message_scores_as_its_windows_read_afresh() -> None:
    """Sentences are counted once and pairs scored from their sums (ngrams.read): the same probability
    as reading every window afresh, whatever joins them (a space, a newline, none, a cut inside a word)."""
    model = ngrams.shipped()
    assert model is not None
    texts = [ex.text for ex in screen_corpus.development()]
    rng = random.Random(13)
    joins = (" ", ". ", ".\n", "\n\n", "! ", ".", "?", "  ", "...")
    for _ in range(60):
        parts: list[str] = []
        while sum(map(len, parts)) < 1500:
            parts.append(rng.choice(texts) + rng.choice(joins))
            if rng.random() < 0.05:
                parts.append("x" * rng.randint(250, 400) + " ")  # no space to cut at
        text = "".join(parts)
        expected = _sigmoid(max(_afresh(model, w) for w in ngrams.windows(text)))
        assert ngrams.read(model, text, "en").probability == pytest.approx(expected, abs=1e-9), text


def test_a_crisis_frame_the_rules_read_as_benign_makes_the_models_crisis_a_check() -> None:
    model = _tiny(bias=50.0)
    text = "pills tonight honestly"
    reason = ngrams.learned_reason(text, "en", (), model, lambda _: ("abuse", "passive_wish"))
    assert reason == 'check:learned("pills", "tonight").read_as_benign(abuse, passive_wish)'
    plain = ngrams.learned_reason(text, "en", (), model, lambda _: ())
    assert plain == 'crisis:learned("pills", "tonight")'

    def never(_: str) -> tuple[str, ...]:
        raise AssertionError("the rules' readings are asked for only when the model reads a crisis")

    assert ngrams.learned_reason("group again today", "en", (), _tiny(bias=-50.0), never) is None


# The rules' own hard negatives (tests/domain/screen/test_*.py, run there on the rules alone) whose crisis
# words the rules read as an idiom by what follows them.
READ_AS_BENIGN = [
    "my mom is gonna kill me if i leave the dishes",
    "not really. my landlord is kicking me out friday and i dont know where ill go",
    "gonna make him pay me back",
]


@pytest.mark.parametrize("text", READ_AS_BENIGN)
def test_the_whole_screen_pages_on_none_of_the_rules_benign_readings(text: str) -> None:
    result = assess(text)
    assert result.level < Level.CRISIS, result.reasons
    learned = [r for r in result.reasons if "learned(" in r]
    assert all(r.startswith("check:") and ".read_as_benign(" in r for r in learned), learned


def test_only_a_benign_reading_by_the_rules_holds_the_model_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ngrams, "_cached", [_tiny(bias=50.0)])  # a model that reads every text as a crisis
    assert assess("zebra zebra zebra").reasons == ("crisis:learned()",)
    idiom = assess("my mom is gonna kill me if i leave the dishes")
    assert idiom.level == Level.CHECK
    assert idiom.reasons == ("check:learned().read_as_benign(abuse)",)


def test_an_idiom_in_another_sentence_of_a_long_message_holds_nothing_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    word = tfidf.Block("word", 1, 1, {"zebra": (1.0, 3.0), "group": (1.0, -2.0)})
    monkeypatch.setattr(ngrams, "_cached", [ngrams.Model((word,), -1.0, {"default": 0.5}, {})])
    idiom = "my mom is gonna kill me if i leave the dishes. "
    far = idiom + FILLER * 3 + "zebra zebra. " + FILLER
    assert assess(far).reasons[0] == 'crisis:learned("zebra")'
    near = FILLER * 3 + "zebra zebra, my mom is gonna kill me if i leave the dishes. " + FILLER
    assert assess(near).reasons[0] == 'check:learned("zebra").read_as_benign(abuse)'


# A newcomer's everyday lines (newcomer-findings-9 #1), never trained on: with the round-9 model 19 of them
# paged a counselor. The everyday development text (dev_everyday_*.txt) and the short-message rule answer it.
EVERYDAY = [
    "sure",
    "Sure!",
    "sure np",
    "on my way",
    "i'm going to be late",
    "be there soon",
    "i can't make it tonight, sorry",
    "i won't be able to come thursday",
    "i'm going to take a nap",
    "not sure i can make it tonight",
    "not sure if ill make it to group",
    "i wont make it, car trouble",
    "ya voy",
    "me voy de viaje el viernes",
    "i'm going to take it easy tonight",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_plans_page_nobody(text: str) -> None:
    result = assess(text)
    assert result.level != Level.CRISIS
    assert not any(r.startswith("relapse:learned") for r in result.reasons)  # nor tell of a use


def test_a_short_text_the_rules_find_nothing_in_is_asked_about_unless_the_model_is_nearly_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    word = tfidf.Block("word", 1, 1, {"zebra": (1.0, 1.0)})
    unsure = ngrams.Model((word,), 0.5, {"default": 0.6}, {})  # p(zebra) = sigmoid(1.5) = 0.82
    monkeypatch.setattr(ngrams, "_cached", [unsure])
    assert assess("zebra zebra today").reasons == ('check:learned("zebra").short',)  # asked, nobody paged
    long = "zebra " + "today " * ngrams.SHORT_WORDS
    assert assess(long).reasons == ('crisis:learned("zebra")',)
    sure = ngrams.Model((word,), 2.0, {"default": 0.6}, {})  # sigmoid(3) = 0.95
    monkeypatch.setattr(ngrams, "_cached", [sure])
    assert assess("zebra zebra today").reasons == ('crisis:learned("zebra")',)


def _with_relapse(bias: float) -> ngrams.Model:
    word = tfidf.Block("word", 1, 1, {"zorblat": (1.0, 2.0)})
    head = ngrams.Model((word,), bias, {"es": 0.5}, {})
    return ngrams.Model((word,), -50.0, {"default": 0.5}, {}, head)


def test_the_relapse_head_raises_only_what_the_rules_read_nothing_or_a_craving_in() -> None:
    model = _with_relapse(bias=-0.5)
    assert ngrams.learned_relapse("anoche zorblat otra", "es", (), model) == 'relapse:learned("zorblat")'
    assert ngrams.learned_relapse("anoche zorblat otra", "es", ("craving:urge",), model) is not None
    for higher in ("relapse:use", "check:hopeless", "crisis:kill_self", "check:kill_self.historical"):
        assert ngrams.learned_relapse("anoche zorblat otra", "es", (higher,), model) is None
    assert ngrams.learned_relapse("todo bien", "es", (), model) is None
    assert (
        ngrams.learned_relapse("anoche zorblat otra", "en", (), model) is None
    )  # a language it does not read
    assert (
        ngrams.learned_relapse("anoche zorblat otra", "es", (), _tiny()) is None
    )  # a model without the head


def test_assess_raises_a_use_the_rules_missed_to_relapse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ngrams, "_cached", [_with_relapse(bias=-0.5)])
    text = "ayer zorblat con mis amigos"
    assert assess(text, ngrams_layer=False).level == Level.NONE
    result = assess(text)
    assert result.level == Level.RELAPSE and result.reasons == ('relapse:learned("zorblat")',)
    assert assess("I want to kill myself tonight").level == Level.CRISIS


def test_the_shipped_model_has_a_relapse_head_reading_the_same_n_grams() -> None:
    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    assert [b.features.keys() for b in model.blocks] == [b.features.keys() for b in model.relapse.blocks]
    assert all(0.0 < t < 1.0 for t in model.relapse.thresholds.values())
    # English too since round 18, with its sleep, "again" and time-off hard negatives
    # (train_screen_ngrams.RELAPSE_LANGUAGES); a long text has its own
    assert set(model.relapse.thresholds) == {"en", "es", "en.long", "es.long"}
    assert ngrams.learned_relapse("took a few days off work", "en", ()) is None
    assert model.relapse.probability("great group today, see you thursday") < 0.5


# A newcomer's commonest Spanish and English one- and two-word answers (newcomer5, round 11), never trained
# on: the learned heads alone asked "are you safe?" or told a counselor of a relapse for each of them.
FEW_WORDS = ["si", "sí", "Si", "ya", "y", "ayer", "desde ayer", "sí, ayer", "anoche", "en la noche",
             "la otra noche", "a las 9 de la noche", "ya voy", "ya mero", "ya está", "tonight", "ok thanks"]  # fmt: skip


@pytest.mark.parametrize("text", FEW_WORDS)
def test_one_or_two_common_words_are_never_raised_by_the_learned_heads_alone(text: str) -> None:
    result = assess(text)
    assert not any("learned(" in r for r in result.reasons), result.reasons


def test_a_head_alone_needs_three_words_that_carry_meaning() -> None:
    model = _with_relapse(bias=50.0)
    sure = _tiny(bias=50.0)
    for two in ("zebra zorblat", "ya la zorblat de mi zebra"):  # 'ya', 'la', 'de', 'mi' carry none
        assert ngrams.content_words(two) == 2
        assert ngrams.learned_reason(two, "en", (), sure) is None
        assert ngrams.learned_relapse(two, "es", (), model) is None
        assert ngrams.learned_reason(two, "en", ("check:hopeless",), sure) is not None  # not alone
        # over the rules' check, two such words page only when nearly sure (SURE_WHEN_SHORT); else it asks
        unsure = _tiny(bias=-0.5, threshold=0.1)
        assert ngrams.learned_reason(two, "en", ("check:hopeless",), unsure) == "check:learned().short"
    unsure = _tiny(bias=-0.5, threshold=0.1)
    assert ngrams.learned_reason("pills tonight honestly", "en", ("check:hopeless",), unsure) == (
        'crisis:learned("pills", "tonight")'
    )
    three = "zebra zorblat again"
    assert ngrams.learned_reason(three, "en", (), sure) == "crisis:learned()"
    assert ngrams.learned_relapse(three, "es", (), model) == 'relapse:learned("zorblat")'


def test_a_frame_the_rules_read_as_negated_makes_the_models_crisis_a_check_unless_nearly_sure() -> None:
    """'no, i'm not thinking about ending my life': the n-grams see 'ending my life', the rules the 'not'."""
    text = "pills tonight honestly"
    unsure = _tiny(bias=-0.5)  # -0.5 + 4 / sqrt(5): p 0.78, over the threshold, under SURE_WHEN_NEGATED
    assert 0.5 < unsure.probability(text) < ngrams.SURE_WHEN_NEGATED
    negated = ("not:kill_self",)
    reason = ngrams.learned_reason(text, "en", ("check:hopeless",), unsure, lambda _: negated)
    assert reason == 'check:learned("pills", "tonight").negated(kill_self)'
    assert ngrams.learned_reason(text, "en", ("check:hopeless",), unsure, lambda _: ()) == (
        'crisis:learned("pills", "tonight")'
    )
    sure = _tiny(bias=50.0)
    assert ngrams.learned_reason(text, "en", ("check:hopeless",), sure, lambda _: negated) == (
        'crisis:learned("pills", "tonight")'
    )
    both = ("abuse", "not:kill_self")  # an idiom reading still asks, however sure
    assert ngrams.learned_reason(text, "en", ("check:hopeless",), sure, lambda _: both) == (
        'check:learned("pills", "tonight").read_as_benign(abuse)'
    )


def test_a_question_asked_a_joke_or_a_song_the_rules_keep_at_check_pages_only_when_nearly_sure() -> None:
    """'me preguntó si he pensado en quitarme la vida, le dije que no': the rules read a question asked of the
    speaker (check, .hypothetical), the n-grams see 'quitarme la vida'. Unless nearly sure, the layer adds
    nothing to the rules' check."""
    text = "pills tonight honestly"
    unsure = _tiny(bias=-0.5)  # p 0.78: over the threshold, under SURE_WHEN_NEGATED
    for framed in ("check:kill_self.hypothetical", "check:passive_wish.joking", "check:told_in_media"):
        assert ngrams.learned_reason(text, "en", (framed,), unsure) is None, framed
        assert ngrams.learned_reason(text, "en", (framed,), _tiny(bias=50.0)) == (
            'crisis:learned("pills", "tonight")'
        )
    assert ngrams.learned_reason(text, "en", ("check:means_at_hand",), unsure) == (
        'crisis:learned("pills", "tonight")'
    )
    # a long text is read in windows: the question may be in another sentence than the one that decided
    long = " ".join(["pills tonight honestly."] * 20)
    assert len(long) > ngrams.WINDOW
    assert ngrams.learned_reason(long, "en", ("check:kill_self.hypothetical",), unsure) is not None


@pytest.mark.parametrize(
    "text",
    [
        "no te preocupes, no estoy pensando en matarme, es que me quede sin trabajo y estoy frustrado",
        "for the safety question: no, i'm not thinking about killing myself, just tired of my job",
    ],
)
def test_the_rules_name_a_crisis_frame_a_negation_cancelled(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    unsure = ngrams.Model((), 1.0, {"default": 0.5}, {})  # p 0.73 on every text
    monkeypatch.setattr(ngrams, "_cached", [unsure])
    assert assess(text, ngrams_layer=False).level == Level.NONE
    result = assess(text)
    assert result.level == Level.CHECK and result.reasons[0].startswith("check:learned().negated("), result
    monkeypatch.setattr(ngrams, "_cached", [ngrams.Model((), 50.0, {"default": 0.5}, {})])
    assert assess(text).reasons == ("crisis:learned()",)


def test_a_long_text_answers_to_its_own_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read window by window, a long text has many chances to cross the threshold: its own is higher."""
    word = tfidf.Block("word", 1, 1, {"zebra": (1.0, 3.0)})
    model = ngrams.Model((word,), -1.0, {"default": 0.5, "en": 0.5, "en.long": 0.9}, {})  # zebra: p 0.88
    assert model.threshold("en") == 0.5 and model.threshold("en", long=True) == 0.9
    assert model.threshold("es", long=True) == 0.5  # no long one: the language's, then the default
    assert ngrams.read(model, "zebra zebra today", "en").crisis
    long = FILLER * 3 + "zebra zebra. " + FILLER
    verdict = ngrams.read(model, long, "en")
    assert verdict.probability == pytest.approx(1 / (1 + math.exp(-2))) and not verdict.crisis
    assert ngrams.read(model, long, "es").crisis
