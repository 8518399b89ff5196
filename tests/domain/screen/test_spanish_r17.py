"""Round 17's Spanish pass (es13), in phrasings written for this test (not from any corpus), in several varieties
(Mexican, Caribbean, Andean, Rioplatense, Spain), each family beside ordinary readings that share its words."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


# ---------------------------------------------------------------- fear for my life
@pytest.mark.parametrize(
    "text",
    [
        "un man me viene siguiendo desde la estación, tengo miedo",
        "me está siguiendo un tipo en moto hace como diez cuadras",
        "un chabón me sigue desde la parada del bondi, estoy cagada de miedo",
        "me persigue un carro negro desde que salí del turno",
        "ese tipo me anda siguiendo a todas partes, ya lo vi tres veces hoy",
        "creo que me vienen siguiendo dos tipos desde hace rato",
    ],
)
def test_followed_now(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "la misma camioneta lleva tres noches parqueada frente a mi casa, me da miedo salir",
        "hay un coche aparcado delante de mi portal desde ayer con dos tíos dentro, tengo miedo",
        "dos tipos llevan toda la tarde rondando mi casa, tengo pánico",
        "otra vez el carro de mi ex estacionado en la esquina de mi casa, estoy asustada",
    ],
)
def test_watched_outside_with_my_fear(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "el tipo al que le debo dijo que la próxima vez no va a ser tan amable",
        "el señor al que le debo dijo que si no pago el viernes no la cuento",
        "mi ex me mandó mensaje que si voy a la audiencia no llego viva",
        "hay un hombre golpeando la puerta y no se va, dice que sigo yo",
        "mi ex dijo que me va a matar si voy a la corte el lunes",
    ],
)
def test_veiled_or_conditional_threats(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi ex salió del bote y dice que viene por mí",
        "mi ex salió de la cárcel y anda diciendo que me va a buscar",
        "le debo plata a gente pesada y me mandaron foto de mi casa",
        "hay alguien tratando de abrir la puerta y estoy sola con los niños",
        "están golpeando la puerta y gritando mi nombre, no sé quién es",
    ],
)
def test_sought_tracked_or_door_forced(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi perrito me viene siguiendo por toda la casa jaja",
        "me está siguiendo en instagram una chava del grupo",
        "me sigue doliendo la cabeza desde ayer",
        "la mala suerte me persigue, se me ponchó la llanta",
        "hay un parque frente a mi casa, voy a correr mañana",
        "mi hermano dejó el carro estacionado frente a la casa",
        "la profe dijo que la próxima vez no va a ser tan amable con la tarea",
        "dice la enfermera que soy la siguiente en pasar con el doctor",
        "mi hermano viene por mí a las 5 para llevarme al grupo",
        "mi mamá dice que me va a buscar a la salida del trabajo",
        "mi mamá dijo que me va a matar si llego tarde otra vez",
        "le debo plata a mi cuñado y me da pena",
        "mi hijo me viene siguiendo por todo el súper",
    ],
)
def test_ordinary_readings_of_the_same_words_page_nobody(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- means at hand and method
@pytest.mark.parametrize(
    "text",
    [
        "tengo el arma de mi papá en las piernas, estoy sentado en el carro",
        "estoy en la cocina con el cuchillo grande en el regazo",
        "estoy en el baño con todas las pastillas puestas en el lavamanos",
        "estoy en el carro en la cochera con el portón cerrado y las llaves puestas",
        "ando en la camioneta dentro del garaje, no la he prendido todavía",
        "pensando en meterme con la moto debajo de una mula en la autopista",
        "a veces manejando pienso en echarme contra un tráiler",
        "quisiera estrellarme contra un camión y que parezca accidente",
        "que parezca un accidente para que a mis hijos les paguen el seguro",
        "por lo menos mi seguro de vida sí les serviría a mis hijos",
        "mi vieja cobraría el seguro de vida y saldría de deudas",
    ],
)
def test_means_laid_out_and_methods_thought_of(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy contando las pastillas para armar el pastillero de la semana",
        "estoy en el garaje calentando el carro porque hace un frío terrible",
        "estoy en la cochera con la puerta cerrada arreglando la llanta del carro",
        "en la serie el tipo hizo que pareciera accidente",
        "mi abuela tiene todas sus pastillas en la mesa ordenadas por día",
        "busqué cuántas pastillas de ibuprofeno puedo tomar al día para el dolor de muela",
        "tengo que pagar el seguro de vida este mes",
        "el seguro de vida de mi papá ya se venció",
    ],
)
def test_ordinary_cars_pills_and_insurance_page_nobody(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- harm to others
@pytest.mark.parametrize(
    "text",
    [
        "voy pa allá con el bate y de ahí no sale caminando",
        "ya tengo el machete y voy pa la casa de ese cabrón",
        "al encargado lo voy a atropellar cuando salga del turno",
        "a ese lo atropello con la troca y digo que fue accidente",
        "si me vuelve a humillar le echo algo en el café, va en serio",
        "ya sé dónde vive la tipa con la que anda mi marido, voy para allá y no sé lo que le voy a hacer",
        "me voy a meter al río con el carro y con los niños adentro",
        "ese boludo no sale vivo de esta, lo espero a la salida",
    ],
)
def test_harm_to_others_without_the_word_kill(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "voy pa allá con el bate, hoy hay partido de softbol",
        "casi atropello un perro en la carretera",
        "le eché algo de sal a la comida",
        "le pongo veneno a las cucarachas",
        "me llevo a los niños conmigo al parque",
        "fuimos al lago con los niños adentro del carro a ver los patos",
        "el paciente no sale vivo de esa operación, dijo el doctor",
        "voy para la casa de mi tía con el machete a chapear el patio",
    ],
)
def test_ordinary_bats_roads_food_and_kids_page_nobody(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- the newcomer's open Spanish findings
@pytest.mark.parametrize(
    "text",
    [
        "si me muero nadie se da cuenta",
        "si me muero ni cuenta se dan",
        "si yo me muriera nadie se enteraría",
        "si me muero hoy nadie lo notaría",
    ],
)
def test_nobody_would_notice_my_death(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "perdónenme por todo lo que hice",
        "perdóname por todo, mamá",
        "ya tengo todo preparado",
        "ya está todo listo",
    ],
)
def test_a_bare_apology_for_everything_or_everything_ready_is_a_check(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "ya tengo todo preparado. perdónenme por todo",
        "perdónenme por todo lo que hice. hoy es la noche",
    ],
)
def test_with_another_sign_it_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me aviento un taco",
        "me aviento unos tacos al pastor",
        "me voy a lanzar a la fiesta",
        "me lanzo a la fiesta de mi prima",
        "nomás me aviento una chela y me voy",
        "perdón por todo el ruido de anoche",
        "nadie se da cuenta de que me robaron la bici",
        "cuando yo era niña mi tío abusó de mí",
        "de niño mi padrastro abusaba de mí",
        "mi tío abusó de mí cuando tenía 8 años",
    ],
)
def test_slang_small_apologies_and_abuse_long_ago_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me voy a lanzar del puente",
        "me aviento al metro",
        "me voy a aventar a la presa esta noche",
        "me tiró el café caliente y me dijo que la próxima es la sartén",
    ],
)
def test_the_same_verbs_toward_a_drop_still_page(text: str) -> None:
    crisis(text)
