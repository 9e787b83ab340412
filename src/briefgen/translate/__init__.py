"""Translation: a small batch protocol and the Argos Translate backend."""

from briefgen.translate.base import Translator, translate_unique
from briefgen.translate.packages import find_installed_package, open_package

__all__ = ["Translator", "find_installed_package", "open_package", "translate_unique"]
