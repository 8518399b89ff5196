"""Session 20 (en18): burden, told the ways last round's held-out writers told it and the rules missed (G11, rules
alone 12/20): the others freed of me, one less thing for them once I am gone, fine "w out" me, "if i just wasnt in the
picture", freeing them, the life insurance going to them beside a burden. Paraphrases written for this test, not corpus
messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "they deserve to be free of me",
        "my family would finally be free of me",
        "shed be sad for a while but then shed be free of me",
        "my parents would finally be rid of me",
        "honestly everyone would be free of me soon and thats ok",
    ],
)
def test_the_others_freed_of_me_is_a_burden(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "my mom would have one less thing to worry about if i was gone",
        "one less mouth to feed when im dead",
        "if i od its just one less junkie for the cops to deal with",
        "my brother would have one less problem without me",
    ],
)
def test_one_less_thing_for_them_once_i_am_gone_is_a_burden(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "theyd be fine w out me",
        "my kids would be better off w/o me",
        "my kids would be better off w/out me",
        "they would be better off if i wasnt in the picture anymore",
        "honestly my wife would be happier if i just wasnt in the picture",
    ],
)
def test_fine_without_me_spelled_short_or_out_of_the_picture_is_a_burden(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "everybody is tired of me. my mom still has to take care of me. soon i will free them",
        "im a burden to my family. ill set them free",
        "im just a problem for everyone. time to release them",
        "im a burden. my wife gets the life insurance and she and the kids are finally ok",
        "im the problem here. they collect the life insurance and the kids are ok",
    ],
)
def test_freeing_them_or_the_insurance_beside_a_burden_is_a_burden(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "my ex is finally free of me since the divorce lol",
        "i'll free them up tomorrow",
        "set them free at the lake, the turtles were so cute",
        "her dad wasnt in the picture growing up",
        "we got the life insurance quote today, the agent was nice",
        "one less thing to worry about, i paid the water bill",
        "i cant go w out me meds",
    ],
)
def test_a_breakup_a_chore_a_pet_or_a_bill_is_no_burden(text: str) -> None:
    not_crisis(text)
