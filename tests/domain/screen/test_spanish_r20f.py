"""Spanish, session 20 (es18): harm to others, as families. Waiting for someone with a weapon ("estoy esperando a mi
cuñado en la puerta de su casa con el cuchillo"), going to someone's with a weapon and a threat's tail ("voy a ir a la
casa de mi ex con la pistola, ya verá"), and a wish to kill a roommate, a foreman or a landlord (named words the
object list lacked). A cake cut, a roast, a roommate who makes me die laughing are not. Paraphrases written for this
test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "estoy esperando a mi padrastro afuera del bar con la navaja",
        "lo voy a esperar a la salida de la chamba con un fierro",
        "estoy esperando al vato ese en la esquina de su casa con la pistola",
        "mañana voy a la casa de mi ex con la pistola, ya verá",
        "voy pa la obra con el machete y el mayordomo va a saber lo que es bueno",
        "ya traigo la navaja y voy a buscar al que me robó, de esta no se salva",
    ],
)
def test_a_weapon_carried_to_someone_pages(text: str) -> None:
    crisis(text, "crisis:harm_to_others")


@pytest.mark.parametrize(
    "text",
    [
        "tengo ganas de matar a mi compañero de piso",
        "quiero matar al casero, ya no lo aguanto",
        "me dan ganas de matar al mayordomo de la obra",
    ],
)
def test_a_wish_to_kill_a_roommate_or_a_foreman_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "voy a casa de mi abuela con el cuchillo para partir el pastel",
        "estoy esperando a mi hermano en la puerta con el cuchillo de la carne para el asado",
        "mi compañero de piso me mata de risa",
        "voy al monte con mi tío y la escopeta, a ver si cazamos un venado",
    ],
)
def test_a_cake_a_roast_or_a_hunt_is_not(text: str) -> None:
    not_crisis(text)
