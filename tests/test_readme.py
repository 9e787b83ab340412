from conftest import ROOT


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = readme[readme.index("```sh") + 1 : readme.index("```")]
    make_command, test_command = block
    assert make_command.startswith("pip install -e . && briefgen make seeds/ ")
    assert test_command == "pip install -e '.[test]' && python -m pytest"
    assert "torch" not in make_command + test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_readme_and_help_give_the_same_exit_statuses() -> None:
    from briefgen.cli import EXIT_STATUS_HELP

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in EXIT_STATUS_HELP.splitlines()[1:]:
        if line[:3].strip().isdigit():
            status, meaning = line.split(maxsplit=1)
            assert f"| {status} | {meaning.split(':')[0].split(' (')[0]}" in readme, line


def test_license_matches_the_project_metadata() -> None:
    import pytest

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_readme_and_ci_agree_on_how_the_optional_tests_run() -> None:
    from hypothesis import settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    fuzz = "BRIEFGEN_HYPOTHESIS_PROFILE=fuzz python -m pytest -m property"
    assert f"`{fuzz}`" in readme and fuzz in ci
    assert "`BRIEFGEN_TEST_LIBRETRANSLATE=1`" in readme
    assert "export BRIEFGEN_TEST_LIBRETRANSLATE=1" in ci
    # The budgets the README states are the profiles' (tests/conftest.py).
    assert f"{settings.get_profile('dev').max_examples} per test" in readme
    assert f"tries {settings.get_profile('fuzz').max_examples:,} per test" in readme
    assert f"{settings.get_profile('fuzz').max_examples:,} examples each" in ci
