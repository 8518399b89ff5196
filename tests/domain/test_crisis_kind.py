"""Which kind a crisis is, from the screen's frames: the names it relies on exist, and the order holds."""

from __future__ import annotations

from bot.domain.crisis_kind import FRAMES, answer_kind, crisis_kinds
from bot.domain.screen.assess import default_rules


def test_every_frame_named_here_is_a_crisis_frame_of_the_shipped_screen() -> None:
    """A renamed frame would silently fall back to the suicide answer: this says so instead."""
    crisis_frames = {f.name for f in default_rules().frames if f.level == "crisis"}
    assert set(FRAMES) <= crisis_frames, set(FRAMES) - crisis_frames


def test_kinds_come_most_urgent_first_and_other_frames_are_crisis() -> None:
    assert crisis_kinds(["crisis:abuse", "crisis:passive_wish"]) == ("crisis", "abuse")
    assert crisis_kinds(["crisis:harm_to_others"]) == ("harm_others",)
    assert crisis_kinds(["check:kill_self.third_person"]) == ("crisis",)  # never empty
    assert crisis_kinds(["crisis:some_new_frame"]) == ("crisis",)


def test_the_not_safe_wording_follows_who_is_at_risk() -> None:
    assert answer_kind(["crisis", "abuse"]) == "abuse"
    assert answer_kind(["harm_others"]) == "harm_others"
    assert answer_kind(["harm_others", "crisis"]) == ""


def test_two_signals_of_danger_from_someone_else_are_abuse_not_suicide() -> None:
    # newcomer5 finding 27: an armed brother outside the bathroom door got the suicide answer and card.
    assert crisis_kinds(["crisis:signals.afraid+armed_other"]) == ("abuse",)
    assert crisis_kinds(["crisis:signals.threatened+when"]) == ("abuse",)
    assert crisis_kinds(["crisis:signals.armed+vengeance"]) == ("harm_others",)
    # A sign about the person's own life among them: the suicide answer, the safe default.
    assert crisis_kinds(["crisis:signals.afraid+farewell"]) == ("crisis",)
    assert crisis_kinds(["crisis:signals.farewell+when"]) == ("crisis",)


def test_every_signal_family_named_for_a_kind_is_a_frame() -> None:
    from bot.domain.crisis_kind import DANGER_FROM_OTHERS, HARM_SIGNALS, NEUTRAL_SIGNALS

    names = {f.name for f in default_rules().frames}
    named = DANGER_FROM_OTHERS | HARM_SIGNALS | NEUTRAL_SIGNALS
    assert named <= names, named - names


def test_someone_hurting_them_leads_the_card_before_self_harm() -> None:
    # newcomer7 finding N20: "mi novio me pega y hoy me amenazó con un cuchillo" was carded "talked about
    # hurting themselves"; a counselor may then phone them at home, where he is.
    assert crisis_kinds(["crisis:self_harm", "crisis:abuse"]) == ("abuse", "self_harm")


def test_fear_beside_their_own_harm_is_not_read_as_someone_else_hurting_them() -> None:
    # newcomer7 finding N25: "tengo miedo de hacerme daño esta noche" got the domestic-violence line first.
    assert crisis_kinds(["crisis:self_harm", "crisis:signals.afraid+distress+when"]) == ("self_harm",)
    assert answer_kind(crisis_kinds(["crisis:self_harm", "crisis:signals.afraid+distress+when"])) == ""
    # Someone else named (threatened, armed) is still abuse beside it; fear alone is abuse when nothing
    # about their own life fired.
    assert "abuse" in crisis_kinds(["crisis:self_harm", "crisis:signals.afraid+armed_other"])
    assert crisis_kinds(["crisis:signals.afraid+when"]) == ("abuse",)


def test_the_learned_layer_alone_says_a_crisis_but_not_which_kind() -> None:
    # newcomer6 finding 38: fear of an abuser coming back, read by the learned layer alone, was answered and
    # carded as suicide. A named frame beside it still names the kind.
    learned = 'crisis:learned("tengo", "miedo", "no")'
    assert crisis_kinds([learned]) == ("crisis_unclear",)
    assert crisis_kinds([learned, "crisis:abuse"]) == ("abuse", "crisis_unclear")
    assert answer_kind(["crisis_unclear"]) == "crisis_unclear"
    assert answer_kind(["harm_others", "crisis_unclear"]) == "harm_others"


def test_a_learned_crisis_beside_a_craving_at_a_place_of_use_is_a_strong_craving() -> None:
    # newcomer9 N10 addendum: "craving so bad, sitting outside my dealers place" (and the Spanish "tengo muchisimas
    # ganas de consumir ahorita, estoy afuera de la casa de mi dealer") were paged by the learned layer alone and
    # answered with the suicide and domestic-violence lines, no help with the craving.
    learned = 'crisis:learned("sitting", "outside", "place")'
    assert crisis_kinds([learned, "relapse:dealer", "craving:urge"]) == ("strong_craving",)
    assert crisis_kinds(['crisis:learned("tengo", "ahorita", "estoy")', "craving:use"]) == ("strong_craving",)
    assert crisis_kinds([learned, "craving:dealer"]) == ("strong_craving",)
    # Use already told ("i used and ..."): the layer's crisis may be an overdose or despair, not an urge.
    assert crisis_kinds([learned, "relapse:use"]) == ("crisis_unclear",)
    # A frame the rules read names the kind, as before; the craving is answered beside it elsewhere.
    assert crisis_kinds([learned, "crisis:passive_wish", "craving:urge"]) == ("crisis", "crisis_unclear")
    # Their own safety is what "I'm not safe" is about after it.
    assert answer_kind(["strong_craving"]) == ""


def test_a_domestic_violence_line_needs_danger_from_someone_else_read() -> None:
    # The learned layer's "kind unclear" answer listed the domestic-violence line for every message (newcomer9 N32:
    # "sería más fácil no despertar", a death wish, got it): only when someone else is named or feared.
    from bot.domain.crisis_kind import danger_from_others
    from bot.domain.screen.assess import assess

    learned = ('crisis:learned("x", "y", "z")',)

    def reads(text: str, reasons: tuple[str, ...] = learned) -> bool:
        return danger_from_others(crisis_kinds(reasons), reasons, assess(text, ngrams_layer=False).clauses)

    assert not reads("sometimes i think it would be easier not to wake up")
    assert not reads("seria mas facil no despertar")
    assert reads("honestly i dont know, im scared he comes back tonight")
    assert reads("mi esposo me grita todo el tiempo")
    assert reads("nothing", ("crisis:abuse",))
    assert reads("nothing", (*learned, "check:controlled"))
    assert reads("nothing", (*learned, "check:signals.afraid+watched"))
    assert not reads("nothing", (*learned, "check:hopeless"))
    # The "I'm not safe" answer after it keeps what the first answer said.
    assert answer_kind(["crisis_unclear"], others=True) == "crisis_unclear_others"
    assert answer_kind(["crisis_unclear"]) == "crisis_unclear"


def test_a_child_at_home_abused_now_is_child_abuse_not_the_writers_own() -> None:
    # newcomer9 N45: "my stepdad touches my little sister at night" pages as abuse (session 15), but the answer was
    # the writer's own domestic-violence answer and the card "said someone is hurting them": a child is.
    from bot.domain.screen.assess import assess

    def kinds(text: str) -> tuple[str, ...]:
        found = assess(text, ngrams_layer=False)
        return crisis_kinds(found.reasons, found.clauses)

    assert kinds("my stepdad touches my little sister at night") == ("child_abuse",)
    assert kinds("he hits me every night") == ("abuse",)
    assert crisis_kinds(["crisis:abuse"]) == ("abuse",)  # no clauses: as before
    assert (
        answer_kind(["child_abuse"]) == "child_abuse"
    )  # "I'm not safe" after it lists the child-abuse line too
    from bot.domain.crisis_kind import danger_from_others

    assert danger_from_others(("child_abuse",), ())
