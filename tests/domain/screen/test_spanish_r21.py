"""Session 21 (es19, newcomer N171, P1): Spanish overdoses under way, told plainly, page. A whole bottle or box of a
medicine swallowed (the whole said after the thing), sleeping pills or a sedative taken with drink or drunk, ten or
more pills with the number spelled out, a stimulant with the heart or the chest going wrong. Paraphrases written for
this test in several varieties, never corpus messages; hard negatives beside each family."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me tomé el frasco de jarabe para la tos completo jaja",
        "me bajé un frasco entero de jarabe pa la tos",
        "me empiné el bote de jarabe completito",
        "me zampé la caja de ibuprofeno enterita",
        "me tomé medio frasco de jarabe para dormir",
        "me tragué el frasquito de melatonina completo",
    ],
)
def test_a_whole_bottle_of_a_medicine_swallowed_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me tomé un frasco de agua",
        "me tomé el jarabe para la tos porque ando bien gripienta",
        "me tomé el antibiótico completo como me dijo el doctor",
        "me tomé la caja de chelas completa",
        "me tomé el frasco de agua completo después de correr",
        "me bajé del camión y caminé a la clínica",
    ],
)
def test_a_jar_of_water_a_course_finished_or_beers_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "se me pasaron las copas y me tomé unas pastillas para dormir",
        "estaba bien pedo y me tomé unos clonazepam",
        "andaba bien pasado de copas y me tomé unos tafil",
        "me eché unos tragos y luego me tomé mis pastillas para dormir",
        "me tomé las pastillas para dormir con unas chelas",
        "después de la botella de vino me tomé tres lorazepam",
        "iba bien borracho y me metí unos clonas",
    ],
)
def test_a_sedative_taken_with_drink_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "mi doctor me dijo que no mezcle las pastillas con alcohol",
        "la doctora me dio pastillas para dormir y ya no tomo alcohol",
        "me tomé mis pastillas para dormir, nada de alcohol desde hace meses",
        "me tomé una pastilla para dormir después de la cena con mi familia y un vino",
        "se me pasaron las copas en la boda y me dormí en el sillón",
    ],
)
def test_a_prescribed_pill_or_a_doctors_warning_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me metí como quince tafil",
        "me tomé diez pastillas para dormir",
        "me tragué doce clonazepam de una",
        "me tomé como veinticinco aspirinas",
    ],
)
def test_ten_or_more_pills_spelled_out_page(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me tomé la pastilla a las diez como siempre",
        "compré quince pastillas de paracetamol en la farmacia",
        "el doctor me dijo que me tome diez gotas",
    ],
)
def test_a_time_a_purchase_or_drops_counted_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me metí un perico bien cargado y siento que el corazón se me sale",
        "fumé cristal y el corazón me late rapidísimo",
        "le di a la piedra toda la noche y el pecho me aprieta",
        "me metí perico y el corazón me va a reventar",
        "me jalé unas rayas, se me quiere salir el corazón",
        "le metí a la coca toda la noche y me arde el pecho",
    ],
)
def test_a_stimulant_with_the_heart_or_chest_going_wrong_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "salí a correr y siento que el corazón se me sale",
        "me tomé un café bien cargado y el corazón se me sale",
        "la vi y el corazón se me sale del pecho",
        "tengo entrevista mañana y el corazón me late bien fuerte de los nervios",
    ],
)
def test_a_run_coffee_love_or_nerves_do_not_page(text: str) -> None:
    not_crisis(text)
