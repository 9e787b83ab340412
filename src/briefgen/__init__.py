"""briefgen: offline bilingual Word briefings from foreign-language sources.

import briefgen
briefing = briefgen.make_briefing(["seeds/"], model="demo-model/translate-ja_en-demo.argosmodel")
briefing.save_docx("briefing.docx")
"""

import logging

from briefgen._version import __version__
from briefgen.briefing import Briefing
from briefgen.errors import (
    BriefgenError,
    DeliveryError,
    InputError,
    ModelNotInstalled,
    RenderError,
    TemplateError,
    TranslationError,
)
from briefgen.model import (
    Actor,
    Bilingual,
    Event,
    Point,
    SectionPoints,
    SkippedSource,
    Source,
    SourceBriefing,
)
from briefgen.options import Options
from briefgen.pipeline import (
    NoUsableSources,
    Progress,
    SourcesLeftOut,
    make_briefing,
    summarize_sources,
)
from briefgen.translate import Translator
from briefgen.translate.glossary import Glossary

logging.getLogger("briefgen").addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Bilingual",
    "BriefgenError",
    "Briefing",
    "DeliveryError",
    "Event",
    "Glossary",
    "InputError",
    "ModelNotInstalled",
    "NoUsableSources",
    "Options",
    "Point",
    "Progress",
    "RenderError",
    "SectionPoints",
    "SkippedSource",
    "Source",
    "SourceBriefing",
    "SourcesLeftOut",
    "TemplateError",
    "TranslationError",
    "Translator",
    "__version__",
    "make_briefing",
    "summarize_sources",
]
