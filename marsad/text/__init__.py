"""Arabic text layer: normalisation with offset maps, clitic-aware tokens, sentences. Needs no data files."""

from marsad.text.normalize import Normalized, normalize, normalize_for_match
from marsad.text.sentences import clauses, sentences
from marsad.text.tokens import Token, proclitic_forms, tokenize, tokenize_body

__all__ = ["Normalized", "Token", "clauses", "normalize", "normalize_for_match", "proclitic_forms",
           "sentences", "tokenize", "tokenize_body"]
