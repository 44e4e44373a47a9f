"""Negations: the cues that say no ("not", "never", "denied", "refused", "won't"), the
implicit ones ("avoid", "failed to", "without"), and polarity compared between versions: a
flip per clause ("did" -> "did not"), the same no written another way ("did not" -> "never",
"not armed" -> "unarmed", "did not win" -> "lost") or in what did not happen ("should have
won"), which is none; ``_cue_changes`` compares hedges too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal

from compare.facets import abroad
from compare.facets.attributions import _BETWEEN_AUX_AND_VERB
from compare.facets.base import (
    _AUX_WORDS,
    _DETERMINERS,
    _PASSIVE,
    ChangeAction,
    Cue,
    _change,
    _describe,
    _token_set,
    _whole_word,
    _wordset,
)
from compare.facets.figure_patterns import _NUMBER_WORD_TOKENS
from compare.facets.opposites import (
    _EITHER_OR_VERBS,
    _MIDDLE_OPPOSITES,
    _NEGATED_WORD,
    _opposites,
    _words_following,
)
from compare.facets.verbs import _same_auxiliary, _same_verb, _verb_stem
from compare.model import Change
from compare.text import lazy_pattern

_NEGATION_WORDS = (
    r"not|never|no longer|nobody|nothing|none|neither|nor|cannot|denied|denies|deny|"
    r"denying|refused|refuses|refuse|refusing|declined to|yet to|unclear|no(?=\s+\w)"
)
_NEGATION = lazy_pattern(rf"\b(?:{_NEGATION_WORDS}|\w+n't)\b", re.IGNORECASE)
#: ``_NEGATION`` as it reads ASCII text lower-cased: case-sensitive, it finds the same cues
#: at the same places (see hedges._hedge_pattern), for less; ``_UNCONTRACTED``, without its
#: contractions, for text where no "n't" stands (there they cannot match, but their ``\w+``
#: runs to each word's end and back). The negations of the 2,000-paragraph pair's 1,264
#: sentences found in one version only: 63M -> 48M instructions.
_LOWER_NEGATION = lazy_pattern(rf"\b(?:{_NEGATION_WORDS}|\w+n't)\b")
_LOWER_NEGATION_UNCONTRACTED = lazy_pattern(rf"\b(?:{_NEGATION_WORDS})\b")
_NEGATION_TRIGGERS = _wordset(
    "not never no nobody nothing none neither nor cannot denied denies deny denying refused "
    "refuses refuse refusing declined yet unclear"
)
_CONTRACTIONS = {"won't": "will", "can't": "can", "shan't": "shall", "cannot": "can"}
_CONTRACTIONS["ain't"] = "is"
_PREVIOUS_WORDS = lazy_pattern(r"[\w']+")
_NEXT_WORD = lazy_pattern(r"\s*([\w'-]+)")
_UNVERIFIED_AFTER = lazy_pattern(r"\s+be\s+(?:independently\s+)?(?:verified|confirmed)\b")
_UNNAMED_AFTER = lazy_pattern(r"(?:\s+want(?:s|ed|ing)?)?(?:\s+to)?\s+be\s+(?:named|identified)\b")
_NO_BOUND = lazy_pattern(r" (?:fewer|less|more) than\b", re.IGNORECASE)
_NEGATION_EXCEPT = lazy_pattern(
    r"^(?:not only|not just|whether or not|if not)$|^no\s*\.?$", re.IGNORECASE
)


@lru_cache(maxsize=8192)
def _negations(masked: str) -> tuple[Cue, ...]:
    lower = masked.lower()
    tokens = _token_set(lower)
    # A sentence in another language is read by its own rules ("ne ... pas", "nicht").
    if abroad.may_negate(lower, tokens) and (language := abroad.language(lower)):
        return abroad.negations(masked, language)
    contracted = "n't" in lower
    if not contracted and not _NEGATION_TRIGGERS & tokens:
        return ()
    found: list[Cue] = []
    if not lower.isascii():
        cues = _NEGATION().finditer(masked)
    elif contracted:
        cues = _LOWER_NEGATION().finditer(lower)
    else:
        cues = _LOWER_NEGATION_UNCONTRACTED().finditer(lower)
    for m in cues:
        cue = masked[m.start() : m.end()]
        previous = _PREVIOUS_WORDS().findall(masked, max(0, m.start() - 40), m.start())[::-1]
        word = previous[0] if previous else ""
        low = cue.lower()
        following = masked[m.end() : m.end() + 12].split()
        if _NEGATION_EXCEPT().match(f"{low} {following[0].lower() if following else ''}"):
            continue
        if low == "not" and word.lower() in ("whether", "if", "or"):
            continue
        modal = low == "cannot" or (low == "not" and word.lower() in ("could", "can"))
        if modal and _UNVERIFIED_AFTER().match(masked, m.end()):
            continue  # "could not be independently verified" is a hedge, not a denial
        if low.startswith(("den", "ref")) and word.lower() in _PASSIVE:
            continue
        unnamed = _UNNAMED_AFTER().match(masked, m.end())
        if unnamed and (
            word.lower() == "asked" or low.startswith(("ref", "decl")) or "want" in unnamed[0]
        ):
            continue  # "asked not to be named" is about the source, it denies nothing
        if low == "no" and m.start() > 0 and masked[m.start() - 1] == "'":
            continue
        if low == "yet to" and word.lower() not in _AUX_WORDS:
            continue  # "has yet to pay" is "has not paid"; "and yet to many" is "but"
        if low == "no" and _NO_BOUND().match(masked, m.end()):
            continue  # "no fewer than 12" bounds a number ("at least 12"), it negates nothing
        if low.endswith("n't") or low in ("cannot", "yet to", "unclear"):
            group = "not"  # "unclear whether" is "not clear whether"
        elif low.startswith("den"):
            group = "deny"
        elif low.startswith(("ref", "decl")):
            group = "refuse"
        else:
            group = low
        following_word = _NEXT_WORD().match(masked, m.end())
        after = following_word.group(1) if following_word else ""
        # "has not yet paid" flips to "has paid": the verb is the word after "yet".
        yet = ""
        if following_word and after.lower() == "yet":
            verb = _NEXT_WORD().match(masked, following_word.end())
            if verb:
                yet, after = f"{after} ", verb.group(1)
        # What the words would say without the negation, to show a flip as "did" -> "did not".
        if low.endswith("n't") or low == "cannot":
            base = _CONTRACTIONS.get(low, cue[:-3])
            text, counterpart = f"{cue} {yet}{after}", f"{base} {after}"
        elif group in ("deny", "refuse", "nobody", "nothing", "none", "neither", "nor") or (
            low == "unclear"
        ):
            text, counterpart = cue, ""
        elif low == "no" or (low in ("never", "no longer") and word.lower() not in _AUX_WORDS):
            after = "" if after.lower() in ("a", "an", "the") and low != "no" else after
            text, counterpart = f"{cue} {after}", after
        else:
            after = "" if after.lower() in ("a", "an", "the") else after
            text, counterpart = f"{word} {cue} {yet}{after}", f"{word} {after}"
        text, counterpart = text.strip(), counterpart.strip()
        found.append(Cue(text, group, tuple(previous[:2]), counterpart))
    return tuple(found)


#: Words that say no without a negation word, as writers put "not" in their place: "told to
#: avoid using well water" / "told not to drink it", "booms to stop the fuel from reaching
#: the river" / "so it would not reach the river". ("refused", "denied" and "no longer" are
#: negation cues already.)
_IMPLICIT_NEGATIVE = lazy_pattern(
    r"\b(?:avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|refrain(?:s|ed|ing)?(?:\s+from)?"
    r"|halt(?:s|ed|ing)?|ban(?:s|ned|ning)?(?:\s+from)?|prohibit(?:s|ed|ing)?(?:\s+from)?"
    r"|fail(?:s|ed|ing)?\s+to|without"
    r"|stop(?:s|ped|ping)?(?=\s+\w+ing\b)"
    r"|(?:stop|keep|kept|block|bar)(?:s|ped|ping|ing|ed|red|ring)?\s+(?:[\w'-]+\s+){0,4}?from"
    r")\b",
    re.IGNORECASE,
)
_IMPLICIT_TRIGGERS = _wordset(
    "avoid avoids avoided avoiding prevent prevents prevented preventing refrain refrains "
    "refrained refraining halt halts halted halting ban bans banned banning prohibit "
    "prohibits prohibited prohibiting fail fails failed failing without stop stops stopped "
    "stopping keep keeps kept keeping block blocks blocked blocking bar bars barred barring"
)
#: The word each implicit negative is written from ("kept" is "keep"), its cue's group.
_IMPLICIT_GROUP = lazy_pattern(
    r"avoid|prevent|refrain|halt|ban|prohibit|fail|without|stop|keep|kept|block|bar"
)


def says_no_implicitly(text: str) -> bool:
    """Whether ``text`` says no without a negation word ("told to avoid the water")."""
    return _IMPLICIT_NEGATIVE().search(text) is not None


@lru_cache(maxsize=4096)
def _implicit_negations(masked: str) -> tuple[Cue, ...]:
    """The implicit negatives of a sentence, each with the word it says no to ("avoid
    using"): not negation cues of their own, but a "not" in their place says the same."""
    if _IMPLICIT_TRIGGERS.isdisjoint(_token_set(masked.lower())):
        return ()
    found: list[Cue] = []
    for m in _IMPLICIT_NEGATIVE().finditer(masked):
        previous = _PREVIOUS_WORDS().findall(masked, max(0, m.start() - 40), m.start())[::-1]
        following = _NEXT_WORD().match(masked, m.end())
        text = f"{m.group(0)} {following.group(1)}" if following else m.group(0)
        group = _IMPLICIT_GROUP().match(m.group(0).lower())
        name = group.group(0) if group else ""
        found.append(Cue(text, "keep" if name == "kept" else name, tuple(previous[:2])))
    return tuple(found)


def _negation_change(
    rest_old: Sequence[Cue],
    rest_new: Sequence[Cue],
    texts: tuple[str, str] | None,
    sentence: int,
) -> list[Change]:
    """One change when the polarity differs, given the negations left on each side once
    those that stay are dropped: "did" -> "did not" is changed (a flip) when both versions
    exist and the cue's place can be found in the other; otherwise the negation was added or
    removed."""
    # Polarity is what matters: "did not" -> "never" keeps it, "did" -> "did not" flips it.
    if len(rest_old) == len(rest_new):
        return []
    added = len(rest_new) > len(rest_old)
    cues = rest_new if added else rest_old
    cue = cues[0]
    text = ", ".join(c.text for c in cues)
    other = ""
    if texts is not None:
        other_text = texts[0] if added else texts[1]
        if cue.counterpart and _whole_word(other_text, cue.counterpart):
            other = cue.counterpart
        else:
            # Not a negation: the context word may stand before another clause's ("would
            # not change ... would not notice" -> "would not change ... were unlikely to").
            # Only the word right before the cue (past its own auxiliary) marks its place: a
            # word further back may stand in another clause ("the rest had forecast no
            # change" gone, "had expected" kept).
            own = cue.text.split()
            near = next((i for i, w in enumerate(cue.before) if w not in own), 0)
            after = ((w, _word_after(other_text, w)) for w in cue.before[: near + 1])
            anchor, other = next(
                ((w, a) for w, a in after if a and not _NEGATION().fullmatch(a)), ("", "")
            )
            if other.lower() in _AUX_WORDS:
                auxiliary, other = other, _with_its_verb(other_text, anchor, other)
                if other == auxiliary and _NEGATION().fullmatch(
                    _word_after(other_text, f"{anchor} {auxiliary}")
                ):
                    # "did not resign" moved to another verb: its "did" is said no to still
                    other = ""
                elif _unreal(other.rsplit(" ", 1)[0], other.rsplit(" ", 1)[-1]):
                    return []  # "did not win" -> "should have won": not won either way
    verb = other.rsplit(" ", 1)[-1]  # "has rejected": the verb of its auxiliary
    if cue.group in ("deny", "refuse") and verb.lower() in _REFUSING_VERBS:
        return []  # "rejected" -> "refused": another word for the same no
    if other:
        old_value, new_value = (other, text) if added else (text, other)
        detail = _describe("changed", "negation flipped", old_value, new_value)
        return [_change("negation", "changed", old_value, new_value, sentence, detail)]
    action: ChangeAction = "added" if added else "removed"
    return [
        _change(
            "negation",
            action,
            None if added else text,
            text if added else None,
            sentence,
            _describe(action, "negation", None if added else text, text if added else None),
        )
    ]


#: Words that may stand between an auxiliary and its verb ("have now arrested").
_BEFORE_ITS_VERB = _AUX_WORDS | _BETWEEN_AUX_AND_VERB | _wordset("now just still finally since")


def _with_its_verb(text: str, anchor: str, auxiliary: str) -> str:
    """An auxiliary after ``anchor`` in ``text`` with the words after it up to its verb:
    alone it says nothing ("did not bite" -> "has bitten", not "has"; "have now arrested").
    Just the auxiliary when a negation, an aside or no verb comes within three words, or what
    it has comes first ("has a deal", "have three suspects": the auxiliary is the verb)."""
    words = [auxiliary]
    for _ in range(3):
        reached = " ".join([anchor, *words])
        word = _word_after(text, reached)
        if (
            not word
            or _whole_word(text, f"{reached},")  # an aside: "has, however, resigned"
            or _NEGATION().fullmatch(word)
            or not word.isalpha()
            or word.lower() in _DETERMINERS
            or word.lower() in _NUMBER_WORD_TOKENS
        ):
            return auxiliary
        words.append(word)
        if word.lower() not in _BEFORE_ITS_VERB:
            return " ".join(words)
    return auxiliary


#: Verbs that say no as "refused" and "denied" do, which the negation cues do not list.
_REFUSING_VERBS = _wordset(
    "rejected rejects reject rejecting vetoed vetoes veto dismissed dismisses rebuffed "
    "rebuffs spurned spurns disputed disputes"
)


def _negation_flips(
    old: Sequence[Cue],
    new: Sequence[Cue],
    texts: tuple[str, str],
    sentence: int,
    implicit: tuple[Sequence[Cue], Sequence[Cue]] = ((), ()),
) -> list[Change]:
    """Negation changes between two versions of a sentence, one per clause that flipped
    ("has not paid ... will appeal" -> "has paid ... will not appeal" is two). A negation
    stays when one stands in its place on the other side, whatever its words ("did not" ->
    "never"); it flipped when its words without it are there instead ("has paid"); what is
    left of either side pairs one for one (reworded, same polarity), and the rest were added
    or removed. ``implicit``: the words of each side that say no without a negation word
    ("avoid using"), which stand for a negation in their place."""
    # Before pairing by place: "did not deny" stands where "denied" did, yet flips it.
    old, new = list(old), list(new)
    changes = _undone_refusals(old, new, sentence)
    if old and new:
        changes += _moved_to_another_verb(old, new, texts, sentence)
    rest_old, rest_new = _drop_twins(old, new, _cue_in_place)
    if implicit[0] or implicit[1]:
        implicit_old, implicit_new = _drop_twins(*implicit, lambda a, b: a.group == b.group)
        # "told to avoid using" / "told not to drink": one no, written two ways.
        _drop_twins_across(implicit_old, rest_new)
        _drop_twins_across(implicit_new, rest_old)
        changes += _implicit_flips(implicit_old, implicit_new, texts, sentence)
    for cues, other_text, added in ((rest_old, texts[1], False), (rest_new, texts[0], True)):
        other_cues = rest_new if cues is rest_old else rest_old
        for cue in list(cues):
            if _said_unreal(cue, other_text):
                cues.remove(cue)  # "never won" -> "should have won": not won either way
            elif _said_as_superlative(cue, texts[1] if added else texts[0], other_text):
                cues.remove(cue)  # "the worst drought it has seen" -> "has not seen one this bad"
            elif cue.counterpart and _stands_unnegated(other_text, cue.counterpart, other_cues):
                cues.remove(cue)
                was, now = (cue.counterpart, cue.text) if added else (cue.text, cue.counterpart)
                detail = _describe("changed", "negation flipped", was, now)
                changes.append(_change("negation", "changed", was, now, sentence, detail))
            elif _said_in_a_word(cue, other_text):
                cues.remove(cue)  # "was not armed" -> "was unarmed": the same polarity
    paired = min(len(rest_old), len(rest_new))
    rest_old, rest_new = rest_old[paired:], rest_new[paired:]
    return changes + _negation_change(rest_old, rest_new, texts, sentence)


def _negated_verb(cue: Cue) -> str:
    """The verb a negation says no to, read from what it says without it ("did not resign":
    "resign"), or "" when it has no auxiliary and verb."""
    words = cue.counterpart.split()
    return words[-1] if len(words) >= 2 and words[-1].isalpha() and not cue.abroad else ""


_WORD = lazy_pattern(r"[A-Za-z]+")


#: Where a clause starts, reading back from a verb: its subject is the words after it.
_CLAUSE_START = lazy_pattern(
    r"[,;:(\u2013\u2014]|\b(?:and|but|or|which|who|whom|that|though|although|while|whereas"
    r"|after|before|when|as|because|since|if|until|once|so)\b",
    re.IGNORECASE,
)


def _subject(text: str, at: int) -> list[str]:
    """The words before ``at`` back to the start of their clause, lower case: the subject of
    the verb there ("though he resigned": ["he"]; "which her deputy attended")."""
    start = 0
    for boundary in _CLAUSE_START().finditer(text, 0, at):
        start = boundary.end()
    return text[start:at].lower().split()


def _same_subject(one: list[str], other: list[str]) -> bool:
    """Whether two verbs' subjects are one: the same words, or one left out ("did not speak
    but attended") or followed by more ("he later resigned")."""
    shorter, longer = sorted((one, other), key=len)
    return longer[: len(shorter)] == shorter


def _verb_unnegated(
    text: str, verb: str, negations: Sequence[Cue], subject: list[str] | None = None
) -> str:
    """A form of ``verb`` in ``text`` that no negation of the text holds ("resigned"), or "".
    With ``subject``, only a form whose own subject is that one ("her deputy attended" is no
    form of the minister's "did not attend")."""
    held = {w.lower() for cue in negations for w in cue.text.split()}
    initial = verb[:1].lower()
    for found in _WORD().finditer(text):
        word = found.group()
        # Not "to notice": "were unlikely to notice" says no in other words. (A verb's forms
        # share its first letter, "win" and "won": a cheap test first.)
        if (
            word[:1].lower() == initial
            and word.lower() not in held
            and _same_verb(word, verb)
            and text[: found.start()][-3:] != "to "
            and (subject is None or _same_subject(subject, _subject(text, found.start())))
        ):
            return word
    return ""


def _moved_to_another_verb(
    old: list[Cue], new: list[Cue], texts: tuple[str, str], sentence: int
) -> list[Change]:
    """Flips of a negation that moved to another verb, though after the same word ("did not
    resign" -> "resigned ... but did not comment"): the verb it said no to stands with no
    negation on the other side. Each such cue is taken from ``old`` or ``new``."""
    changes: list[Change] = []
    for own, others, other_text, added in ((old, new, texts[1], False), (new, old, texts[0], True)):
        own_text = texts[1] if added else texts[0]
        for cue in list(own):
            verb = _negated_verb(cue)
            # Rivals in its place whose own verb no negation of this side says no to: "would
            # not change" kept is no rival of a "would not notice" that went.
            mine = [_negated_verb(c) for c in own]
            rivals = [
                o
                for o in others
                if _cue_in_place(cue, o)
                and not any(v and _same_verb(v, _negated_verb(o) or v) for v in mine)
            ]
            if not verb or not rivals:
                continue
            at = own_text.find(cue.text)
            subject = _subject(own_text, at) if at >= 0 else None
            word = _verb_unnegated(other_text, verb, others, subject)
            if word:
                own.remove(cue)
                was, now = (word, cue.text) if added else (cue.text, word)
                detail = _describe("changed", "negation flipped", was, now)
                changes.append(_change("negation", "changed", was, now, sentence, detail))
    return changes


_SUPERLATIVES = _wordset(
    "worst best biggest largest highest lowest deadliest heaviest hottest coldest wettest "
    "driest strongest longest greatest most least"
)
#: What a clause about a superlative's noun says of it ("the worst drought the region has
#: seen"): only these verbs measure a thing against all those before it.
_SEEING_VERBS = _wordset("seen known had experienced recorded")
#: A superlative, its noun (a few words, or none: "the strongest the island has seen") and
#: the subject of a clause about that noun, right before what that subject has done ("the
#: worst drought | the region | has seen"). The subject opens with a determiner, a pronoun
#: or a name: without one the superlative is the subject's own ("the most senior officers |
#: have been suspended").
_SUPERLATIVE_BEFORE = lazy_pattern(
    r"\b(?i:worst|best|biggest|largest|highest|lowest|deadliest|heaviest|hottest|coldest"
    r"|wettest|driest|strongest|longest|greatest|most|least)(?:\s+[\w'-]+){0,4}?"
    r"\s+(?i:that\s+|which\s+)?(?:(?i:the|this|its|their|his|her|our|my|your|it|we|they"
    r"|he|she|i|you|anyone)|[A-Z][\w'-]*)(?:\s+[\w'-]+){0,2}\s+$"
)
#: A measure against the thing seen, after a "not" ("has not seen a drought this bad").
_COMPARED_AFTER = lazy_pattern(
    r"\b(?:(?:this|that|so|as)\s+(?:bad|big|large|high|low|deadly|heavy|hot|cold|wet|dry"
    r"|strong|long|great|severe)|worse|bigger|larger|higher|lower|deadlier|heavier|hotter"
    r"|colder|wetter|drier|stronger|longer|greater|like\s+(?:this|it))\b",
    re.IGNORECASE,
)
#: Where the clause of a "not" ends: a measure past it is another clause's ("has not paid
#: the levy, which is higher").
_CLAUSE_END = lazy_pattern(r"[,;:]|\b(?:and|but)\b", re.IGNORECASE)


def _said_as_superlative(cue: Cue, own: str, other: str) -> bool:
    """Whether a negation says what a superlative says on the other side: "the worst
    drought the region has seen" is "the region has not seen a drought this bad"."""
    if cue.group != "not" or not cue.counterpart:
        return False
    if cue.counterpart.rsplit(" ", 1)[-1].lower() not in _SEEING_VERBS:
        return False  # most often: "have not been suspended" measures nothing
    if _SUPERLATIVES.isdisjoint(_token_set(other.lower())):
        return False  # no superlative to say it
    places = _whole_word(other, cue.counterpart)
    if not any(_SUPERLATIVE_BEFORE().search(other, max(0, at - 60), at) for at in places):
        return False
    at = own.find(cue.text)
    if at == -1:
        return False
    clause = own[at + len(cue.text) : at + len(cue.text) + 60]
    end = _CLAUSE_END().search(clause)
    return bool(_COMPARED_AFTER().search(clause[: end.start()] if end else clause))


def _said_unreal(cue: Cue, text: str) -> bool:
    """Whether ``text`` says what ``cue`` says no to only as what did not happen: "never
    won" -> "should have won"."""
    places = _whole_word(text, cue.counterpart) if cue.counterpart else []
    verb = cue.counterpart.rsplit(" ", 1)[-1]
    return bool(places) and all(_unreal(text[: max(0, at - 1)], verb) for at in places)


def _undone_refusals(rest_old: list[Cue], rest_new: list[Cue], sentence: int) -> list[Change]:
    """Flips where a "not" undoes a refusal the other version makes ("denied" -> "did not
    deny"): one change each, and their cues (the refusal on each side and the "not") are
    taken out of ``rest_old`` and ``rest_new``."""
    changes: list[Change] = []
    for side, other, added in ((rest_new, rest_old, True), (rest_old, rest_new, False)):
        for refusal in [c for c in side if c.group in ("deny", "refuse")]:
            undoing = next(
                (c for c in side if c.group == "not" and c.text.endswith(f" {refusal.text}")), None
            )
            said = next(
                (
                    c
                    for c in other
                    if c.group == refusal.group
                    and not any(n.group == "not" and n.text.endswith(f" {c.text}") for n in other)
                ),
                None,
            )
            if undoing is None or said is None:
                continue
            side.remove(refusal)
            side.remove(undoing)
            other.remove(said)
            was, now = (said.text, undoing.text) if added else (undoing.text, said.text)
            detail = _describe("changed", "negation flipped", was, now)
            changes.append(_change("negation", "changed", was, now, sentence, detail))
    return changes


def _drop_twins(
    old: Sequence[Cue], new: Sequence[Cue], same: Callable[[Cue, Cue], bool]
) -> tuple[list[Cue], list[Cue]]:
    """The cues of each side left once each old one and the first new one ``same`` holds
    for are dropped, one for one."""
    rest_old = list(old)
    rest_new = list(new)
    for cue in old:
        twin = next((c for c in rest_new if same(cue, c)), None)
        if twin is not None:
            rest_old.remove(cue)
            rest_new.remove(twin)
    return rest_old, rest_new


def _drop_twins_across(implicit: list[Cue], explicit: list[Cue]) -> None:
    """Takes out of both lists each implicit negative and the negation of the other version
    that stands in its place: after the same word, or saying no to the same one ("stop the
    fuel from reaching" / "would not reach"), or after that word, its auxiliaries between
    ("failed to score" / "has scored no goals")."""
    for cue in list(implicit):
        complement = cue.text.rsplit(" ", 1)[-1]
        twin = next(
            (
                c
                for c in explicit
                if _cue_in_place(cue, c)
                or _same_verb(c.text.rsplit(" ", 1)[-1], complement)
                or (c.before and _same_verb(c.before[0], complement))
            ),
            None,
        )
        if twin is not None:
            implicit.remove(cue)
            explicit.remove(twin)


def _implicit_flips(
    rest_old: Sequence[Cue], rest_new: Sequence[Cue], texts: tuple[str, str], sentence: int
) -> list[Change]:
    """Implicit negatives that went with the word they said no to left in their place:
    "told to avoid using well water" -> "told to use well water". One replaced by another
    word ("avoid the area" -> "stay away from the area") is not read as a flip. "Failed to
    mention" -> "mentioned" flips as "did not mention" -> "mentioned" does."""
    changes: list[Change] = []
    for cues, own_text, other_text, added in (
        (rest_old, texts[0], texts[1], False),
        (rest_new, texts[1], texts[0], True),
    ):
        for cue in cues:
            complement = cue.text.rsplit(" ", 1)[-1]
            for index, anchor in enumerate(cue.before):
                word, reached = _word_after(other_text, anchor), anchor
                flip = _without_flip(cue, (own_text, anchor), (other_text, word))
                if flip is not None:
                    was, now = (flip[1], flip[0]) if added else flip
                    detail = _describe("changed", "negation flipped", was, now)
                    changes.append(_change("negation", "changed", was, now, sentence, detail))
                    break
                # Past its auxiliaries: "failed to win" / "has won"; not past the verb itself
                # ("failed to do the work" / "did the work").
                while word.lower() in _AUX_WORDS and not _same_verb(word, complement):
                    following = _word_after(other_text, f"{reached} {word}")
                    # The last of them may be the verb: "failed to have the ruling
                    # overturned" / "has had the ruling overturned".
                    if _same_auxiliary(word, complement) and following.lower() not in _AUX_WORDS:
                        break
                    reached = f"{reached} {word}"
                    word = following
                if _unreal(reached, word):
                    break  # "failed to win" / "should have won": not won either way
                # "failed to win" / "won"; "failed to have" / "had".
                if word and (_same_verb(word, complement) or _same_auxiliary(word, complement)):
                    said, unsaid = f"{anchor} {cue.text}", f"{reached} {word}"
                    # As written, with the words between the anchor and the cue: "was
                    # released without charge", not "was without charge".
                    between = " ".join(reversed(cue.before[:index]))
                    shown = f"{anchor} {between} {cue.text}" if between else said
                    # What it is done to must stay too: "avoid using tap water" -> "use
                    # bottled water" says the same thing twice, no flip.
                    objects = _object_after(own_text, said), _object_after(other_text, unsaid)
                    if all(objects) and objects[0] != objects[1]:
                        break
                    # "have" and "be" say little alone: what follows them must stay whole
                    # ("failed to have its licence renewed" -> "had its licence revoked").
                    if not _same_verb(word, complement) and not _same_after(
                        (own_text, said), (other_text, unsaid)
                    ):
                        break
                    if not _whole_word(own_text, shown):
                        shown = said
                    was, now = (unsaid, shown) if added else (shown, unsaid)
                    detail = _describe("changed", "negation flipped", was, now)
                    changes.append(_change("negation", "changed", was, now, sentence, detail))
                    break
    return changes


def _without_flip(cue: Cue, own: tuple[str, str], other: tuple[str, str]) -> tuple[str, str] | None:
    """ "ended without a deal" -> "ended with a deal" or "in a deal": "without" gave way to
    "with" or "in" after the same word, the same words following (the words each side
    shows), else ``None``. ``own``: the cue's text and the word before the cue; ``other``:
    the other text and the word after that one there."""
    (own_text, anchor), (other_text, word) = own, other
    if cue.group != "without" or word.lower() not in ("with", "in"):
        return None
    runs = []
    for text, words in ((own_text, f"{anchor} without"), (other_text, f"{anchor} {word}")):
        at = _whole_word(text, words)
        runs.append(_words_following(text.lower(), at[0] + len(words)) if at else [])
    if not runs[0] or runs[0][:2] != runs[1][:2]:
        return None
    run = " ".join(runs[0][:2])
    return f"{anchor} without {run}", f"{anchor} {word} {run}"


def _same_after(own: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether the words after ``own[1]`` in the text ``own[0]`` are those after ``other[1]``
    in ``other[0]``, as far as the shorter run goes in its clause (one word at least)."""
    runs = []
    for text, words in (own, other):
        lower = text.lower()
        at = lower.find(words.lower())
        runs.append(_words_following(lower, at + len(words)) if at != -1 else [])
    shared = min(len(runs[0]), len(runs[1]))
    return shared > 0 and runs[0][:shared] == runs[1][:shared]


#: Auxiliaries that tell of what did not happen ("should have won", "could have acted").
_UNREAL_PAST = lazy_pattern(r"\b(?:should|would|could)\s+have$", re.IGNORECASE)
#: Outcomes that "could have" tells of as missed ("could have won", "could have died",
#: "could have prevented it"); before another verb it is a guess ("could have caused the
#: blast", "could have started in the kitchen"), and a no against it a change.
_MISSED_OUTCOMES = _wordset(
    "win lose survive die accept reject convict acquit prevent avoid save kill stop"
)


def _unreal(before: str, verb: str) -> bool:
    """Whether ``verb`` after ``before`` (text that ends where the verb starts) tells of what
    did not happen: after "should have" or "would have", or after "could have" one of
    ``_MISSED_OUTCOMES``."""
    found = _UNREAL_PAST().search(before.rstrip())
    if found is None:
        return False
    return not found.group().lower().startswith("could") or _verb_stem(verb) in {
        _verb_stem(word) for word in _MISSED_OUTCOMES
    }


#: "could have" and its verb.
_COULD_HAVE = lazy_pattern(r"\bcould\s+have\s+([a-z]+)", re.IGNORECASE)
#: A no said to a verb within the three words after it ("did not win", "never won", "failed
#: to win", "didn't even win").
_SAID_NO_TO = lazy_pattern(
    r"(?:\bnot|\bnever|n't|\bfail(?:ed|s)?\s+to|\bunable\s+to)((?:\s+[a-z]+){1,3})",
    re.IGNORECASE,
)


def _unreal_could(own: str, other: str) -> bool:
    """Whether "could have" in ``own`` tells of what did not happen, no hedge: the other
    version says no to its verb ("did not win" -> "could have won"), as with "should have"
    and "would have" (``_UNREAL_PAST``). Against "won" it is a hedge ("may have won")."""
    verbs = [m.group(1) for m in _COULD_HAVE().finditer(own) if _unreal("could have", m.group(1))]
    return any(
        _same_verb(word, verb)
        for m in _SAID_NO_TO().finditer(other)
        for word in m.group(1).split()
        for verb in verbs
    )


def _object_after(text: str, words: str) -> str:
    """The first word after ``words`` in ``text`` that is not a determiner, lower case."""
    found = _word_after(text, words)
    while found.lower() in _DETERMINERS:
        words = f"{words} {found}"
        found = _word_after(text, words)
    return found.lower()


def _stands_unnegated(text: str, words: str, negations: Sequence[Cue]) -> bool:
    """Whether ``words`` stand in ``text`` without a negation of its own just before them
    ("passengers" in "None of the passengers" has one: "No passengers" is no flip)."""
    for position in _whole_word(text, words):
        if not negations or not _NEGATION().search(text, max(0, position - 30), position):
            # In another language, a negation's own words are negated ("não houve").
            if (
                negations
                and negations[0].abroad
                and any(_whole_word(c.text, words) for c in negations)
            ):
                continue
            return True
    return False


#: Winning or losing, and the outcome between them: a draw says "did not win" as a loss
#: does ("He did not win the final" -> "He drew the final" flips nothing), and a win or a
#: loss says "did not draw".
_WIN_OR_LOSE = frozenset(_verb_stem(word) for word in ("win", "lose"))
_DRAW = frozenset(
    _verb_stem(word) for word in _wordset("draw draws drew drawn drawing tie ties tied tying")
)


def _said_in_a_word(cue: Cue, other: str) -> bool:
    """Whether the other version says what a negation says in one word: "not armed" and
    "unarmed", "not clear" and "unclear", "not guilty" and "innocent", and one of two
    outcomes in any form ("did not win" and "lost"); not an opposite with a middle ("did not
    raise rates" and "lower rates", ``_MIDDLE_OPPOSITES``)."""
    negated = cue.text.rsplit(" ", 1)[-1].lower()
    if cue.group in ("deny", "refuse") or negated == cue.text.lower():
        return False
    lower = other.lower()
    middle = _MIDDLE_OPPOSITES.get(negated, frozenset())
    opposites = [word for word in _opposites(negated) if word not in middle]
    # The other outcomes, in any form ("never won" -> "drew", "did not draw" -> "lost").
    stem = _verb_stem(negated)
    draw = _DRAW if stem in _WIN_OR_LOSE else _WIN_OR_LOSE if stem in _DRAW else frozenset()
    if negated in _EITHER_OR_VERBS:
        stems = {_verb_stem(word) for word in opposites} | draw

        def says_it(word: str) -> bool:
            return _verb_stem(word) in stems

    else:

        def says_it(word: str) -> bool:
            return word.lower() in opposites or (bool(draw) and _verb_stem(word) in draw)

    # Where the negated word stood, past auxiliaries: "The team did not win the final" /
    # "The team has lost the final".
    for anchor in cue.before:
        reached, word = anchor, _word_after(other, anchor)
        for _ in range(3):
            if word.lower() not in _BEFORE_ITS_VERB:
                break
            reached = f"{reached} {word}"
            word = _word_after(other, reached)
        if word and says_it(word):
            return True
    # Elsewhere only when the word itself is not said too: "did not win a seat in the north"
    # / "won a seat in the north but lost two in the south" says it won, of another seat
    # lost.
    words = _NEGATED_WORD().findall(lower)
    if _verb_stem(negated) in {_verb_stem(word) for word in words}:
        return False
    return any(says_it(word) for word in words)


def _cue_in_place(a: Cue, b: Cue) -> bool:
    """Whether two negations stand in one place of two versions of a sentence: after the
    same word, or saying the same thing without them."""
    return bool(set(a.before) & set(b.before)) or (
        bool(a.counterpart) and a.counterpart == b.counterpart
    )


#: The next word, past a comma ("Harris, 52, admitted": the word after "52").
_WORD_AFTER_COMMA = lazy_pattern(r"[\s,]*([\w'-]+)")


def _word_after(text: str, anchor: str) -> str:
    """The word that follows ``anchor`` in ``text`` ("" when the anchor is not there)."""
    if not anchor:
        return ""
    for position in _whole_word(text, anchor):
        following = _WORD_AFTER_COMMA().match(text, position + len(anchor))
        if following and following.start(1) > position + len(anchor):
            return following.group(1)
    return ""


def _cue_changes(
    kind: Literal["hedge", "negation"],
    old: Sequence[Cue],
    new: Sequence[Cue],
    sentence: int,
    texts: tuple[str, str] | None = None,
    implicit: tuple[Sequence[Cue], Sequence[Cue]] = ((), ()),
) -> list[Change]:
    """``texts``: the two sentences, when both versions have one; ``implicit``: then the
    implicit negatives of each ("avoid using"), read with the negations."""
    if kind == "negation" and texts is not None:
        return _negation_flips(old, new, texts, sentence, implicit)
    rest_old, rest_new = _drop_twins(old, new, lambda a, b: a.group == b.group)
    if kind == "negation":
        return _negation_change(rest_old, rest_new, None, sentence)
    changes: list[Change] = []
    while rest_old and rest_new:
        o, n = rest_old.pop(0), rest_new.pop(0)
        changes.append(
            _change(
                kind,
                "changed",
                o.text,
                n.text,
                sentence,
                _describe("changed", "hedge", o.text, n.text),
            )
        )
    changes += [
        _change(
            kind, "removed", c.text, None, sentence, _describe("removed", "hedge", c.text, None)
        )
        for c in rest_old
    ]
    changes += [
        _change(kind, "added", None, c.text, sentence, _describe("added", "hedge", None, c.text))
        for c in rest_new
    ]
    return changes
