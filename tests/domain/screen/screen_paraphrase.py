"""Templated paraphrases for the screen's development part: subject × modal × verb × object × time,
with inflections and typos, so each frame is seen in many surface forms. Deterministic (seeded).

Only the development part uses these; the locked test part is hand-written.
"""

from __future__ import annotations

import itertools
import random

from tests.domain.screen.screen_corpus import Example

# Modals take the base form or the -ing form of the verb that follows.
BASE, ING = "base", "ing"
EN_MODALS = [
    ("want to", BASE), ("wanna", BASE), ("am going to", BASE), ("'m gonna", BASE), ("might", BASE),
    ("could", BASE), ("keep thinking about", ING), ("have been thinking of", ING), ("feel like", ING),
    ("really want to", BASE), ("am about to", BASE), ("plan to", BASE),
]  # fmt: skip
EN_SUBJECTS = ["i", "honestly i", "sometimes i", "i just", "tbh i", "i really"]
EN_TIMES = ["", " tonight", " right now", " this weekend", " after work", " today", " soon"]

# (base, -ing, objects)
EN_CRISIS_VERBS = [
    ("kill", "killing", ["myself", "my self"]),
    ("end", "ending", ["my life", "it all", "everything"]),
    ("take", "taking", ["my own life", "my life"]),
    ("hang", "hanging", ["myself"]),
    ("shoot", "shooting", ["myself"]),
    ("hurt", "hurting", ["myself"]),
    ("cut", "cutting", ["myself", "my wrists", "my arms"]),
    ("overdose", "overdosing", ["", " on my pills"]),
    ("jump", "jumping", ["off the bridge", "off the roof", "in front of a train"]),
]
EN_OTHERS = [
    ("kill", "killing", ["him", "my ex", "my boss", "her"]),
    ("hurt", "hurting", ["someone", "my roommate", "them", "my wife"]),
    ("stab", "stabbing", ["him", "my neighbor"]),
]
EN_USE_PAST = ["used", "smoked", "drank", "did", "took", "snorted", "bought"]
EN_SUBSTANCES = [
    "heroin",
    "some meth",
    "a few beers",
    "coke",
    "xanax",
    "fent",
    "a bottle of vodka",
    "some weed",
    "percs",
]
EN_USE_TIMES = [" last night", " today", " again", " this morning", " yesterday", " after group", ""]
EN_CRAVE_VERBS = [
    ("use", "using"),
    ("drink", "drinking"),
    ("get high", "getting high"),
    ("get drunk", "getting drunk"),
]
EN_WISH = [
    "wish i was dead", "would rather be dead", "just want to be dead", "want to die", "wanna die",
    "hope i don't wake up", "don't want to live anymore", "don't want to be alive", "am ready to die",
    "wish i could sleep forever", "think everyone would be better off without me",
]  # fmt: skip
EN_ABUSERS = ["my husband", "he", "my boyfriend", "she", "my dad", "my partner", "my ex"]
EN_VIOLENCE = [
    "hit me",
    "choked me",
    "beat me",
    "pushed me",
    "threatened to kill me",
    "slapped me",
    "punched me",
]
EN_BENIGN = [
    "i don't want to die", "i would never kill myself", "i'm not going to use", "i didn't drink",
    "haven't used in weeks", "not suicidal, just tired", "this homework is killing me", "my feet are killing me",
    "i'd kill for a nap", "i'm dead tired", "my phone died", "dying to see you", "i killed it at work",
    "i'm going to cut back on soda", "we used the new app", "i drank some water", "took my meds",
]  # fmt: skip

ES_SUBJECTS = ["", "ya ", "la neta ", "a veces ", "yo ", "solo "]
ES_MODALS = [
    "quiero",
    "me quiero",
    "voy a",
    "pienso en",
    "tengo ganas de",
    "ya quiero",
    "me dan ganas de",
    "he pensado en",
]
ES_CRISIS = [
    "matarme",
    "morirme",
    "suicidarme",
    "quitarme la vida",
    "acabar con mi vida",
    "cortarme",
    "colgarme",
    "tirarme del puente",
    "tomarme todas las pastillas",
    "hacerme daño",
]
ES_TIMES = ["", " hoy", " esta noche", " ya", " ahorita", " mañana"]
ES_USE = [
    "consumí",
    "volví a consumir",
    "me drogué",
    "me emborraché",
    "tomé",
    "me fumé un porro",
    "me metí coca",
    "recaí",
    "usé cristal",
]
ES_USE_TIMES = [" anoche", " ayer", " hoy", " otra vez", " el sábado", ""]
ES_CRAVE = [
    "quiero consumir",
    "tengo ganas de tomar",
    "quiero drogarme",
    "voy a consumir",
    "tengo muchas ganas de una cerveza",
    "quiero emborracharme",
]
ES_ABUSE = [
    "mi esposo me pegó",
    "me golpeó",
    "mi novio me ahorcó",
    "me amenazó con matarme",
    "dice que me va a matar",
    "mi pareja me empujó",
]
ES_BENIGN = [
    "no quiero morir",
    "nunca me haría daño",
    "no he consumido",
    "me muero de hambre",
    "me muero de risa",
    "este tráfico me mata",
    "tomé agua",
    "me corté el pelo",
    "no tomé nada",
    "se murió mi celular",
]


def typo(text: str, rng: random.Random) -> str:
    """One of the ways people actually type: dropped or doubled letters, no apostrophes, caps, emoji."""
    kind = rng.randrange(8)
    if kind == 0:
        return text.replace("'", "")
    if kind == 1:
        return text.upper()
    if kind == 2:
        return text + rng.choice([" 😞", " 💀", " lol", " idk", "...", " 😭"])
    words = text.split()
    long = [n for n, w in enumerate(words) if len(w) > 4]
    if not long:
        return text
    n = rng.choice(long)
    w = words[n]
    k = rng.randrange(1, len(w) - 1)
    if kind == 3:
        words[n] = w[:k] + w[k + 1 :]  # dropped letter
    elif kind == 4:
        words[n] = w[:k] + w[k] * 4 + w[k + 1 :]  # stretched
    elif kind == 5:
        words[n] = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]  # swapped
    return " ".join(words)


def _en(subject: str, modal: tuple[str, str], verb: tuple[str, str], obj: str, time: str) -> str:
    form = verb[0] if modal[1] == BASE else verb[1]
    space = "" if not obj or obj.startswith(" ") else " "
    head = f"{subject}{modal[0]}" if modal[0].startswith("'") else f"{subject} {modal[0]}"
    return f"{head} {form}{space}{obj}{time}".replace("  ", " ")


def generate(seed: int = 13, per_frame: int = 70) -> list[Example]:
    rng = random.Random(seed)
    out: list[Example] = []

    def pick(level: str, category: str, lang: str, texts: list[str]) -> None:
        chosen = rng.sample(texts, min(per_frame, len(texts)))
        out.extend(Example(level, category, lang, typo(t, rng) if rng.random() < 0.35 else t) for t in chosen)

    pick(
        "crisis",
        "gen_self",
        "en",
        [
            _en(s, m, (b, g), o, t)
            for s, m, (b, g, objs), t in itertools.product(EN_SUBJECTS, EN_MODALS, EN_CRISIS_VERBS, EN_TIMES)
            for o in objs
        ],
    )
    pick(
        "crisis",
        "gen_others",
        "en",
        [
            _en(s, m, (b, g), o, t)
            for s, m, (b, g, objs), t in itertools.product(EN_SUBJECTS, EN_MODALS, EN_OTHERS, EN_TIMES)
            for o in objs
        ],
    )
    pick(
        "crisis",
        "gen_wish",
        "en",
        [f"{s} {w}{t}" for s, w, t in itertools.product(EN_SUBJECTS, EN_WISH, EN_TIMES)],
    )
    pick(
        "crisis",
        "gen_abuse",
        "en",
        [
            f"{a} {v}{t}"
            for a, v, t in itertools.product(
                EN_ABUSERS, EN_VIOLENCE, [" last night", " again", "", " yesterday"]
            )
        ],
    )
    pick(
        "relapse",
        "gen_use",
        "en",
        [
            f"{s} {v} {o}{t}"
            for s, v, o, t in itertools.product(EN_SUBJECTS, EN_USE_PAST, EN_SUBSTANCES, EN_USE_TIMES)
        ],
    )
    pick(
        "craving",
        "gen_urge",
        "en",
        [
            _en(s, m, v, "", t)
            for s, m, v, t in itertools.product(
                EN_SUBJECTS, EN_MODALS[:4] + EN_MODALS[9:], EN_CRAVE_VERBS, EN_TIMES
            )
        ],
    )
    pick("none", "gen_benign", "en", [f"{b}{t}" for b, t in itertools.product(EN_BENIGN, EN_TIMES)])
    pick(
        "crisis",
        "gen_self",
        "es",
        [f"{s}{m} {v}{t}" for s, m, v, t in itertools.product(ES_SUBJECTS, ES_MODALS, ES_CRISIS, ES_TIMES)],
    )
    pick(
        "relapse",
        "gen_use",
        "es",
        [f"{s}{u}{t}" for s, u, t in itertools.product(ES_SUBJECTS, ES_USE, ES_USE_TIMES)],
    )
    pick(
        "craving",
        "gen_urge",
        "es",
        [f"{s}{c}{t}" for s, c, t in itertools.product(ES_SUBJECTS, ES_CRAVE, ES_TIMES)],
    )
    pick(
        "crisis",
        "gen_abuse",
        "es",
        [f"{a}{t}" for a, t in itertools.product(ES_ABUSE, [" anoche", " otra vez", "", " ayer"])],
    )
    pick(
        "none",
        "gen_benign",
        "es",
        [f"{s}{b}{t}" for s, b, t in itertools.product(ES_SUBJECTS, ES_BENIGN, ES_TIMES)],
    )
    return out
