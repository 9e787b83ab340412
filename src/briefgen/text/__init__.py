"""Sentence segmentation (and, later, word tokenization) per language."""

from briefgen.text.segment import segment_source, split_sentences

__all__ = ["segment_source", "split_sentences"]
