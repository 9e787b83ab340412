import os
from pathlib import Path

import pytest
from conftest import SEED

import briefgen


def test_public_api_is_pinned() -> None:
    assert sorted(briefgen.__all__) == [
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
    for name in briefgen.__all__:
        assert hasattr(briefgen, name)


def test_error_tree() -> None:
    assert issubclass(briefgen.ModelNotInstalled, briefgen.TranslationError)
    assert issubclass(briefgen.NoUsableSources, briefgen.InputError)
    assert issubclass(briefgen.TemplateError, briefgen.RenderError)
    errors = (briefgen.InputError, briefgen.TranslationError, briefgen.RenderError)
    for error in (*errors, briefgen.DeliveryError):
        assert issubclass(error, briefgen.BriefgenError)


def test_briefing_from_python(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    (source,) = seed_briefing.sources
    assert (source.title.original, source.title.english, source.title.flags) == (
        "結局、プーチンの注文通り",
        "In the end, just as Putin ordered",
        (),
    )
    assert source.title.confidence is not None and source.title.confidence > 0.9
    assert [p.kind for p in source.lede] == ["lede", "lede"]
    assert all(p.text.english for s in source.sections for p in s.points)
    assert sum(len(s.points) for s in source.full_text) == source.sentence_count == 33
    assert seed_briefing.skipped == ()


def test_a_single_path_is_one_source(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    from conftest import DEMO_MODEL, SEEDS

    briefing = briefgen.make_briefing(str(SEEDS), model=DEMO_MODEL)
    assert [s.source_id for s in briefing.sources] == [s.source_id for s in seed_briefing.sources]


def test_make_briefing_documents_every_parameter() -> None:
    import inspect

    doc = inspect.getdoc(briefgen.make_briefing) or ""
    for name in inspect.signature(briefgen.make_briefing).parameters:
        assert f"{name}:" in doc, name


def test_every_public_dataclass_says_what_it_holds() -> None:
    import dataclasses

    import briefgen.model

    classes = [getattr(briefgen, n) for n in briefgen.__all__]
    classes += [v for v in vars(briefgen.model).values() if dataclasses.is_dataclass(v)]
    for cls in classes:
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            # a dataclass without a docstring gets its signature as __doc__
            assert cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("), cls


def test_no_usable_sources_names_each_source_without_a_prefix() -> None:
    error = briefgen.NoUsableSources(
        [
            briefgen.SkippedSource("a.txt", "is empty"),
            briefgen.SkippedSource("b.txt", "is not UTF-8"),
        ]
    )
    assert str(error) == "no usable source (a.txt: is empty; b.txt: is not UTF-8)"
    assert [s.origin for s in error.skipped] == ["a.txt", "b.txt"]


def test_many_sources_in_worker_processes_equal_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefgen.pipeline

    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: sources are never read in worker processes")
    body = SEED.read_text(encoding="utf-8").splitlines()
    for n in range(briefgen.pipeline.PARALLEL_FROM + 2):
        lines = body[:2] + body[2 + n :]  # each source a little different
        (tmp_path / f"{n:02d}.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "zz-empty.txt").write_text("")
    parallel = briefgen.summarize_sources(tmp_path)
    monkeypatch.setattr(briefgen.pipeline, "PARALLEL_FROM", 10**9)
    serial = briefgen.summarize_sources(tmp_path)
    expected = [f"{n:02d}" for n in range(len(parallel.sources))]
    assert len(expected) >= 8 and [s.source_id for s in parallel.sources] == expected
    assert parallel.sources == serial.sources and parallel.skipped == serial.skipped
    assert [s.reason for s in parallel.skipped] == ["is empty"]
