"""Round 15's Spanish pass, in phrasings written for this test (not from any corpus), each family beside readings
that must stay below a crisis: an overdose in a person beside me told by one grave sign; my own urge or fear of
what I might do to a child or someone at home (harm to others, not self-harm or abuse); someone else meaning to
kill a person close to me (a danger from others); using alone ("solo") and feeling wrong; affairs left in order,
handed over, and the last time I write; "morirse de miedo" as an idiom."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "mi novia está echando espuma por la boca",
        "ayuda, a mi carnal le sale espuma de la boca",
        "mi esposo no respira, está en el sillón",
        "mi hermano está inconsciente en el baño",
        "no puedo despertarla, mi amiga está fría",
        "mi prima está tirada en el piso y no respira bien",
        "el pana tiene los labios morados y respira muy lento",
    ],
)
def test_one_grave_sign_in_a_person_beside_me_is_an_overdose(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "mi perro está echando espuma por la boca",
        "mi hijo no respira bien por la nariz, tiene gripa",
        "mi abuelo no respira bien desde hace años por el asma",
        "mi novio no me responde los mensajes desde ayer",
        "mi hermano no despierta temprano ni con alarma",
    ],
)
def test_a_pet_a_cold_or_an_unanswered_text_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me dan ganas de pegarle al bebé",
        "me dan unas ganas de sacudir al bebé cuando no se calla",
        "a veces me dan ganas de ahorcar al niño",
        "tengo miedo de que lo voy a matar",
        "me da miedo que la voy a lastimar, a mi hija",
        "tengo miedo de lo que le pueda hacer a mi esposa",
        "me entran ganas de golpear a mi hijo hasta que se calle",
    ],
)
def test_my_urge_to_hurt_someone_at_home_is_harm_to_others(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons) == ("harm_others",)


@pytest.mark.parametrize(
    "text",
    [
        "me dan ganas de pegarle un grito a mi hijo cuando no me hace caso jaja",
        "me dan ganas de comerme a besos al bebé",
        "me dan ganas de matar a mi hermano cuando me esconde el control jajaja",
    ],
)
def test_a_shout_a_kiss_or_a_joke_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "la quieren matar",
        "a mi hermana la quieren matar, qué hago",
        "lo van a matar, ayuda",
        "le dijeron a mi novio que lo iban a matar si no paga",
        "andan buscando a mi primo para matarlo",
        "mi hermano está amenazado de muerte por unos manes del barrio",
    ],
)
def test_someone_meaning_to_kill_a_person_close_to_me_is_a_danger_from_others(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons) == ("abuse",)


@pytest.mark.parametrize(
    "text",
    [
        "mis papás lo van a matar cuando vean la boleta jaja",
        "en la serie lo quieren matar al protagonista",
        "lo van a matar a trabajar en ese lugar",
        "la quieren matar de un susto con esa sorpresa",
    ],
)
def test_an_idiom_or_a_show_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me metí solo en el carro y me siento muy raro",
        "fumé solo en la troca y se me están cerrando los ojos",
        "me inyecté solo en el cuarto y me cuesta respirar",
        "me metí un pase solito en el baño y siento el corazón bien lento",
    ],
)
def test_using_alone_and_feeling_wrong_is_an_overdose(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "fui solo al cine y me siento raro",
        "me tomé solo un café y me siento raro",
        "me metí solo un ratito a bañarme y me siento raro por el agua caliente",
    ],
)
def test_alone_or_only_without_a_use_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya dejé todo arreglado para mis hijos",
        "dejé mis cosas en orden para cuando no esté",
        "ya puse mis papeles en orden, mi hermana sabe dónde está todo",
        "le dejé a mi hermano las claves del banco por si me pasa algo",
        "puse el seguro de vida a nombre de mi hija",
        "ya no voy a escribir más, gracias por todo",
        "es lo último que les escribo. los quiero",
    ],
)
def test_affairs_settled_and_the_last_time_i_write_are_preparation(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya dejé todo en orden",
        "tengo mis papeles en orden",
    ],
)
def test_affairs_settled_alone_is_a_check(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "ya dejé todo arreglado para el viaje del sábado",
        "dejé todo en orden en la oficina antes de las vacaciones",
        "mi abuelo hizo su testamento hace años y nos dejó la casa",
        "es la última vez que les escribo desde este número, mañana tengo uno nuevo",
        "ya no voy a escribir más por hoy, gracias por todo",
        "ya pagué todas mis deudas, qué alivio",
    ],
)
def test_a_trip_a_new_number_or_a_days_end_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "vi la peli de terror y me quiero morir de miedo",
        "casi me muero de miedo con el temblor de anoche",
        "me morí de miedo en la casa del terror jaja",
        "me quería morir del susto cuando sonó la alarma",
    ],
)
def test_scared_to_death_is_an_idiom(text: str) -> None:
    not_crisis(text)


def test_a_wish_to_die_beside_fear_stays_a_wish() -> None:
    assert assess("tengo miedo y me quiero morir").level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "mis hijos estarían mejor sin una mamá como yo",
        "mi esposa viviría más tranquila si yo no estuviera",
        "creo que a todos les iría mejor si yo ya no estuviera",
        "sería un alivio para ellos que yo me muera",
        "solo les doy problemas, mejor me quito del camino",
    ],
)
def test_others_better_off_without_me_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estaría más tranquila si me fuera de vacaciones",
        "mi jefe estaría más tranquilo si llego temprano",
        "a mi familia le iría mejor si consigo ese trabajo",
        "todos estarían mejor si yo no fuera tan enojona",
        "el carro es un peso muerto, ya no sirve",
        "sería un alivio para todos que ya se acabe la obra",
    ],
)
def test_a_trip_a_job_or_a_load_is_no_burden(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "soy una carga para todos",
        "soy un peso muerto para mi familia",
        "nomás les doy problemas a mis papás",
    ],
)
def test_feeling_a_burden_is_worthlessness_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "yo pensaba mucho en matarme en esa época, ahora estoy bien",
        "en ese tiempo quería morirme todos los días",
        "una noche me tomé todas las pastillas de mi tía y me llevaron al hospital",
        "tuve tres sobredosis antes de entrar al programa",
        "varias sobredosis y dos internamientos, ahora llevo un año limpio",
    ],
)
def test_a_past_told_as_that_time_one_night_or_a_count_is_history(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "pienso mucho en morirme",
        "esta noche me voy a tomar todas las pastillas",
        "tuve una sobredosis anoche",
        "estoy en la azotea y hoy me voy a tirar",
        "tengo miedo, hoy me está buscando",
    ],
)
def test_the_same_told_now_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me da un poco de miedo el parto pero hoy estoy tranquila",
        "me da miedo pero mañana voy a hablar con mi jefe",
        "hoy en el jale de techos hizo un calor tremendo",
        "hoy subí a la azotea a tender la ropa",
        "ayer mataron a un muchacho en mi colonia, todos andan con miedo",
        "estaba que me tiraba por la ventana con tanto trabajo jaja",
        "me quiero tirar por la ventana del carro con este tráfico",
        "la pasé mejor que nunca en la fiesta, todos bailando",
        "perdón, mi mensaje de ayer parecía despedida pero solo me iba de viaje",
        "llevaron a mi tía al seguro social hoy, ya está mejor",
        "me pueden dar los papeles del grupo para llevarlos al trabajo mañana",
        "hoy dejé el celular en la casa de mi mamá",
    ],
)
def test_everyday_news_idioms_and_errands_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "hace semanas que pienso en matarme",
        "tengo 40 años y hace meses que quiero morirme",
        "volví a cortarme hace un rato",
        "ando pensando en quitarme la vida",
        "sigo pensando en colgarme",
        "ando con pensamientos de muerte otra vez",
        "tengo pensamientos de hacerme algo",
        "cuando mi mamá cobre la pensión y le pague a mis hijos, me quito la vida",
    ],
)
def test_thoughts_going_on_for_days_or_just_now_are_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "hace meses que no pienso en matarme, gracias al grupo",
        "hace años quería morirme, ahora no",
        "me corté hace años, ya no",
        "me voy a hacer algo de comer",
        "me dan ganas de hacerme algo rico de cenar",
        "ya no hay vuelta atrás, me inscribí en la universidad",
    ],
)
def test_a_past_long_gone_a_meal_or_a_course_is_no_crisis(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy tan enojada con mi cuñado que cuando llegue le meto una puñalada",
        "si mi padrastro vuelve a tocar a mi hermana le clavo el cuchillo",
        "como el vecino le vuelva a gritar a mi mamá le reviento la cabeza con el tubo",
        "mañana le pego un tiro a ese desgraciado",
        "le voy a partir la cara al pendejo ese cuando salga del trabajo",
        "al vato que me robó lo voy a desaparecer",
        "ya le tengo ganas de partirle la madre a mi ex",
        "estoy pensando en envenenar a mi marido",
    ],
)
def test_my_blow_given_to_someone_named_before_it_is_harm_to_others(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "harm_others" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "le doy un cuchillo a mi hijo para que corte el pan",
        "le meto un gol al portero jaja",
        "le pego una foto al refri",
        "la cebolla la voy a picar finita",
        "lo voy a quemar en un disco",
        "lo voy a desaparecer de mi vida, ya no le hablo",
        "le abro la puerta a mi madre",
        "le doy un beso en la cara a mi hija",
        "en la película le clava el cuchillo al malo",
        "por un ceviche de la esquina yo mato",
    ],
)
def test_a_gift_a_goal_a_meal_or_a_film_is_no_blow(text: str) -> None:
    not_crisis(text)


def test_someone_elses_blow_told_by_me_is_a_check() -> None:
    assert assess("mi hermano le va a partir la cara al vecino").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "al hijo de mi compadre lo encontraron en un baño con una sobredosis",
        "el jefe me mató con tanto trabajo hoy",
        "cansada pero valió la pena, la fiesta quedó bonita",
        "se fue la luz en todo el edificio y estuvimos en el balcón con velas",
    ],
)
def test_someone_elses_death_told_and_idioms_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "le dejé una carta a mi hijo debajo de la almohada",
        "ya les escribí unas cartas a mis niñas pa cuando sean grandes",
        "dejé una carta en la mesa. perdónenme",
        "grabé un audio para mi hijo para cuando sea grande",
        "le dejé mis cosas a mi prima",
        "repartí mis cosas entre mis compas",
        "me gustaría dormirme y que no haya mañana",
        "si mañana no amanezco tampoco pasa nada",
        "el viernes cuando mi esposo se vaya a trabajar me voy a colgar",
    ],
)
def test_letters_recordings_and_things_left_and_no_tomorrow_are_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "le escribí una carta a mi hijo por su cumpleaños",
        "le dejé una carta de amor a mi esposa",
        "le dejé mis cosas a mi mamá porque me voy de viaje",
        "dejé la carta del banco en el carro, perdón que no la traje",
        "le grabé un video a mi mamá por el día de las madres",
        "le mandé un audio a mi hija para su cumple",
        "si mañana no amanece lloviendo vamos a la playa",
        "me gustaría dormirme temprano, mañana hay grupo",
        "repartí los volantes de la iglesia",
    ],
)
def test_a_birthday_a_trip_or_an_errand_is_no_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me preguntó la enfermera si pensaba en matarme y le dije que no",
        "la psicóloga nos hizo las preguntas sobre suicidio, todo bien",
        "mi suegra me va a matar cuando vea que se me quemó la sopa jaja",
        "el pozole de mi tía me va a matar, me comí tres platos",
        "cuando dije que me quería morir era por el partido jaja",
        "me toca ir al doctor el jueves",
        "hoy me tocó la dosis en la clínica temprano",
        "me da miedo las agujas pero ya me acostumbré a la insulina",
    ],
)
def test_a_screening_question_a_burnt_meal_or_my_turn_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me preguntó el doctor si quería morirme y le dije que sí",
        "me pregunto si el veneno para ratas sería rápido",
        "mi esposo me va a matar, ya me amenazó con el cuchillo",
    ],
)
def test_a_yes_a_method_wondered_about_or_a_threat_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "pana, me metí un montón de pepas y no siento el cuerpo",
        "creo que me pasé con la dosis, no puedo mantener los ojos abiertos",
        "me inyecté el doble de lo normal y me siento rarísimo",
        "me clavé todas las roches que quedaban con birra",
        "me zampé una tira entera de alprazolam",
        "se me fue la mano con las pastillas, no me puedo parar",
    ],
)
def test_an_overdose_told_as_overdoing_it_or_downing_it_all_is_an_overdose(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me eché una siesta y me siento raro",
        "me pasé con el picante en la comida jaja",
        "se me fue la mano con la sal en la sopa",
        "me eché dos tacos y un refresco",
        "no me puedo parar de la risa con este video",
        "me clavé una astilla en el dedo",
    ],
)
def test_a_nap_a_meal_or_a_splinter_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me eché dos pases en el carro con el primo",
        "pana, me eché unas frías con los del barrio",
        "me clavé unas keta en la after",
    ],
)
def test_a_use_told_with_a_downing_verb_beside_a_friend_is_mine(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "si no pago el viernes me desaparecen",
        "los del barrio dicen que si vuelvo me matan",
        "me tienen en la mira, ya averiguaron dónde vivo",
        "si no les pago me levantan, ya vinieron a la casa",
    ],
)
def test_a_threat_told_in_the_present_is_a_danger_from_others(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons) == ("abuse",)


@pytest.mark.parametrize(
    "text",
    [
        "en el albergue me levantan a las 6 para el desayuno",
        "mis hijos me levantan el ánimo",
        "me matan los zapatos nuevos",
        "me matan de risa estos videos",
        "me matan las ganas de comer pan dulce en la noche jaja",
    ],
)
def test_waking_up_new_shoes_or_a_craving_is_no_threat(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "no quiero seguir tomando",
        "ya no quiero seguir consumiendo, quiero cambiar",
        "no quiero seguir los pasos de mi papá",
        "mi abuelo murió de cirrosis, por eso no quiero seguir ese camino",
        "me sacaron una muela y me dieron pastillas para el dolor, me tomo una cada 8 horas",
        "el dentista me dio pastillas para el dolor",
    ],
)
def test_recovery_talk_and_a_dentists_pills_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "no quiero seguir así",
        "no quiero seguir viviendo",
        "ya no quiero seguir, estoy cansado de vivir",
    ],
)
def test_not_wanting_to_go_on_stays_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


def test_pills_a_friend_gave_me_stay_a_relapse() -> None:
    assert assess("mi compa me dio unas pastillas para el dolor y me tomé tres").level == Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá me encontró las pastillas y me las quitó",
        "me quitaron el celular en la escuela",
        "le quité las llaves a mi hijo",
        "me quité el cinturón",
        "este tráfico me está quitando la vida",
        "un compañero de la obra se quitó la vida, hoy fue el rosario",
    ],
)
def test_taking_off_or_away_is_no_killing(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me quitaría la vida si pudiera",
        "hoy me voy a quitar la vida",
        "estoy pensando en quitarme la vida",
        "mi hermano se quitó la vida y yo también me quiero morir",
        "mi pareja me agarró del pelo y me arrastró hasta el patio",
    ],
)
def test_my_own_life_taken_or_violence_done_to_me_is_a_crisis(text: str) -> None:
    crisis(text)


def test_the_children_held_over_me_is_a_sign() -> None:
    assert assess("mi esposo me dijo que si le cuento a alguien me quita a los niños").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "le llevé mi gato a mi prima y le dije que me lo cuidara para siempre",
        "le regalé mis cosas a mi compadre, le dije que ya no las iba a ocupar",
        "ya le regalé mis botas y mi sombrero a mi primo, le dije que ya no los iba a usar",
    ],
)
def test_a_pet_or_things_left_for_good_are_preparation(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi vecina cuida a mi perro el fin de semana",
        "le presté mis herramientas a mi compadre, ya no las iba a usar este mes",
    ],
)
def test_a_pet_minded_for_the_weekend_or_tools_lent_are_no_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi cipote no respira, ayuda",
        "el maje está echando espuma por la boca",
        "mi ñaño está tirado en el piso y no respira bien",
        "me dan ganas de pegarle al cipote cuando llora",
        "me dan ganas de ahorcar al gurí",
        "le dejé una carta a mi patojo en el cajón",
    ],
)
def test_children_and_friends_named_the_regional_way_count_the_same(text: str) -> None:
    crisis(text)


def test_a_washing_machine_foaming_is_no_person() -> None:
    assert assess("la lavadora está echando espuma por todos lados").level < Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano no despierta y está bien frío",
        "mi novio no se despierta, ya lo moví y nada",
        "mi esposo no despierta, le hablo y no contesta",
        "mi amiga no reacciona, le eché agua y nada",
    ],
)
def test_a_grave_sign_with_a_cold_body_or_a_failed_waking_is_an_overdose(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo no se despierta para la escuela, le hablo y no contesta jaja",
        "el café ya está frío",
    ],
)
def test_a_sleepy_child_or_cold_coffee_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me voy a aventar del puente",
        "voy a aventarme del edificio",
        "me quiero aventar al metro",
    ],
)
def test_a_jump_said_with_aventarse_is_my_own_not_abuse(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "abuse" not in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me aviento del techo hoy",
        "sería más fácil no despertar",
        "mi hermano no despierta, se metió algo",
    ],
)
def test_newcomers_silent_misses_page(text: str) -> None:
    crisis(text)


def test_a_wish_to_die_with_a_laugh_is_asked_about() -> None:
    assert assess("me quiero morir jaja").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "me quiero morir de risa jaja",
        "me tiré en la cama todo el día",
        "voy a tirar la basura",
        "me voy a tomar unas vacaciones",
        "me tomo todas mis pastillas en la mañana como dice el doctor",
    ],
)
def test_a_laugh_the_bed_the_rubbish_a_holiday_or_my_medication_page_nobody(text: str) -> None:
    not_crisis(text)
