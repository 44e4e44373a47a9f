"""Verb forms: stems, the irregular verbs of news and their pasts, and the forms of "have" and
"be", to tell when two words are one verb ("won", "wins", "win").
"""

from __future__ import annotations

from functools import lru_cache

#: The forms of "have" and "be", auxiliaries that are verbs too ("had the ruling overturned",
#: "was profitable"), each with its verb; ``_same_verb`` reads them as other verbs.
_AUXILIARY_VERBS = {
    form: verb
    for verb, forms in (("have", "have has had having"), ("be", "be is are was were been being am"))
    for form in forms.split()
}


def _same_auxiliary(word: str, other: str) -> bool:
    """Whether two words are forms of "have", or of "be" ("had" and "have")."""
    verb = _AUXILIARY_VERBS.get(word.lower())
    return verb is not None and verb == _AUXILIARY_VERBS.get(other.lower())


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    """A verb without its ending, to match its forms ("using" and "use", "stopped" and
    "stop", "paid" and "pay")."""
    word = word.lower()
    if word.endswith("aid"):
        return word[:-2] + "y"
    for ending in ("ing", "ed", "es", "s", "e"):
        if ending == "s" and word.endswith("ss"):
            continue  # "pass", "press": the "s" is the verb's own ("passed", "presses")
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            doubled = ending in ("ing", "ed") and stem[-1] in "bgmnprt" and stem[-2] == stem[-1]
            return stem[:-1] if doubled else stem
    return word


#: Verbs common in news whose past forms do not end as their other forms do: the verb,
#: then those forms. Any other verb's forms are told apart by ``_stem``. Left out: "grind",
#: "wind" and "lie", whose pasts are verbs of their own ("grounded", "wounded", "laid").
_IRREGULAR_VERBS = """
    arise arose arisen; awake awoke awoken; bear bore borne; beat beaten; become became;
    befall befell befallen; begin began begun; bend bent; bind bound; bite bit bitten;
    bleed bled; blow blew blown; break broke broken; breed bred; bring brought; build built;
    burn burnt; buy bought; catch caught; choose chose chosen; cling clung; come came;
    creep crept; deal dealt; dig dug; do did done; draw drew drawn; drink drank drunk;
    drive drove driven; dwell dwelt; eat ate eaten; fall fell fallen; feed fed; feel felt;
    fight fought; find found; flee fled; fling flung; fly flew flown;
    forbid forbade forbidden; foresee foresaw foreseen; foretell foretold;
    forget forgot forgotten; forgive forgave forgiven; forgo forwent forgone;
    forsake forsook forsaken; freeze froze frozen; get got gotten; give gave given;
    go went gone; grow grew grown; hang hung; hear heard; hide hid hidden; hold held;
    keep kept; kneel knelt; know knew known; lead led; leap leapt; learn learnt; leave left;
    lend lent; light lit; lose lost; make made; mean meant; meet met; mislead misled;
    mistake mistook mistaken; misunderstand misunderstood; outdo outdid outdone;
    outsell outsold; overcome overcame; overhear overheard; override overrode overridden;
    overrun overran; oversee oversaw overseen; overtake overtook overtaken;
    overthrow overthrew overthrown; prove proven; rebuild rebuilt; redo redid redone;
    resell resold; retake retook retaken; retell retold; rethink rethought;
    rewrite rewrote rewritten; ride rode ridden; ring rang rung; rise rose risen; run ran;
    see saw seen; seek sought; sell sold; send sent; sew sewn; shake shook shaken;
    shine shone; shoot shot; show shown; shrink shrank shrunk; sing sang sung;
    sink sank sunk; sit sat; slay slew slain; sleep slept; slide slid; sling slung;
    sneak snuck; sow sown; speak spoke spoken; speed sped; spell spelt; spend spent;
    spill spilt; spin spun; spit spat; spring sprang sprung; stand stood;
    steal stole stolen; stick stuck; sting stung; stink stank stunk; stride strode;
    strike struck stricken; string strung; strive strove striven; swear swore sworn;
    sweep swept; swell swollen; swim swam swum; swing swung; take took taken; teach taught;
    tear tore torn; tell told; think thought; throw threw thrown; tread trod trodden;
    undergo underwent undergone; understand understood; undertake undertook undertaken;
    undo undid undone; uphold upheld; wake woke woken; wear wore worn; weave wove woven;
    weep wept; win won; withdraw withdrew withdrawn; withhold withheld; withstand withstood;
    wring wrung; write wrote written
"""
#: Each of those past forms, and the verb it is a form of ("won": "win").
_PAST_FORMS = {
    form: verb
    for entry in _IRREGULAR_VERBS.split(";")
    for verb, *forms in (entry.split(),)
    for form in forms
}


#: Those verbs whose "ing" is their own, not an ending ("sting": "stings", "stung").
_ING_VERBS = frozenset(verb for verb in _PAST_FORMS.values() if verb.endswith("ing"))


def _verb_stem(word: str) -> str:
    """A verb without its ending, the same for all its forms, irregular ones too ("win",
    "wins", "won"; "sue", "sued", "suing"; "bring", "brings", "brought")."""
    word = word.lower()
    verb = _PAST_FORMS.get(word, word)
    return verb if verb in _ING_VERBS else _stem(verb)


def _same_verb(word: str, other: str) -> bool:
    """Whether two words are forms of one verb, read as regular ones or through
    ``_IRREGULAR_VERBS``: "found" is a past of "find" and the verb of "founded", "fell" a
    past of "fall" and the verb of "felled", so either reading may be the one meant."""
    return _stem(word) == _stem(other) or _verb_stem(word) == _verb_stem(other)
