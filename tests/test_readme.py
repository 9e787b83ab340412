from conftest import ROOT


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = readme[readme.index("```sh") + 1 : readme.index("```")]
    make_command, test_command = block
    assert "briefgen make seeds/" in make_command and make_command.startswith(
        "pip install torch==2.13.0"
    )
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci
