"""The Jinja2 sandbox every template renders in, with limits on the work it may do.

A template may come from anyone (a colleague's Word template, a preview template
off the internet). Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` already keeps
it from reaching Python (``{{ ''.__class__ }}``) and caps ``range()`` at 100,000
items; :class:`BoundedSandbox` adds limits on what it may make, each refused with a
:class:`TemplateLimit` before the work is done:

* no string or list longer than :data:`MAX_OUTPUT_CHARS` from ``*``, ``%``
  formatting, ``str.format``, the padding and ``replace``/``join``/``expandtabs``
  string methods, or the filters that take a size (``center``, ``indent``,
  ``wordwrap``, ``join``, ``replace``, ``format``, ``batch``, ``slice``,
  ``tojson``), nor from ``lipsum()``; ``**`` makes no integer over
  :data:`MAX_POWER_BITS` bits (``{{ 'a' * 10**9 }}`` is refused at once, with no
  memory spent);
* a render's output, all its parts together (docxtpl renders a Word template's body,
  headers, footers and properties separately), at most :data:`MAX_OUTPUT_CHARS`
  characters;
* while the template's own code runs: at most :data:`MAX_SECONDS` seconds, and the
  process's peak memory may grow by at most :data:`MAX_MEMORY_BYTES` (loops that
  build up strings or lists bit by bit). Both are checked on every line of template
  code by a trace function for the rendering thread, so they hold in any thread;
  they are not checked while another trace function is set (a debugger, coverage),
  and memory is not checked where the ``resource`` module is missing (Windows).

The caller turns any exception from rendering into one line naming the template and,
where the traceback says, its line (:func:`template_error`).
"""

from __future__ import annotations

import math
import re
import string
import sys
import time
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from jinja2 import Template, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from briefgen.errors import TemplateError

MAX_OUTPUT_CHARS = 50_000_000  # a long briefing's Word XML is a few MB
MAX_SECONDS = 30.0  # the shipped templates render the seed in under 0.1 s
MAX_MEMORY_BYTES = 1_000_000_000
MAX_POWER_BITS = 100_000
MAX_JSON_INDENT = 16
_SEQUENCES = (str, bytes, list, tuple)
# %-formatting's width and precision (%-20s, %.3f, %*d): the numbers that make text long.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TemplateLimit(SecurityError):
    """A template went over one of the sandbox's limits (the message says which)."""


class BoundedSandbox(SandboxedEnvironment):
    """A :class:`~jinja2.sandbox.SandboxedEnvironment` with the limits of this module;
    one per briefing rendered (its time, memory and output budgets start with its
    first render and are shared by every template it renders)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *, max_seconds: float = MAX_SECONDS, **options: Any) -> None:
        super().__init__(**options)
        self.template_class = BoundedTemplate
        self.code_generator_class = _BoundedCodeGenerator
        self.max_seconds = max_seconds
        self.max_memory_bytes = MAX_MEMORY_BYTES
        self.output_chars = 0
        self.deadline: float | None = None
        self.memory_start: int | None = None
        for name, estimate in _FILTER_SIZES.items():
            self.filters[name] = _bounded(self.filters[name], name, estimate)
        from jinja2.utils import generate_lorem_ipsum

        self.globals["lipsum"] = _bounded(
            generate_lorem_ipsum, "lipsum()", lambda n=5, html=True, min=20, max=100: n * max * 12
        )

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, _SEQUENCES) and isinstance(count, int):
                    unit = "items" if isinstance(sequence, list | tuple) else "characters"
                    _check(len(sequence) * count, f"{type(sequence).__name__} * {count:,}", unit)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise TemplateLimit(f"{left} ** {right} is over {MAX_POWER_BITS:,} bits")
        elif operator == "%" and isinstance(left, str):
            _check(_percent_size(left, right), "%-formatting")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # The methods of a string that make it longer than they were given.
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if isinstance(owner, str | bytes) and name in _METHOD_SIZES:
            if name == "join":  # read the items once, to measure and to join
                args = (list(args[0]), *args[1:]) if args else args
            _check(_METHOD_SIZES[name](owner, *args, **kwargs), f"{type(owner).__name__}.{name}()")
        return super().call(__context, __obj, *args, **kwargs)

    def concat_within_limit(
        self, join: Callable[[Iterable[Any]], str], items: tuple[Any, ...]
    ) -> str:
        """``a ~ b ~ c``, refused before joining when the result would be too long."""
        texts = [item if isinstance(item, str) else str(item) for item in items]
        _check(sum(map(len, texts)), "~")
        return join(texts)


class BoundedTemplate(Template):
    """A template whose :meth:`render` keeps to its environment's limits."""

    environment: BoundedSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        context = self.new_context(dict(*args, **kwargs))
        if env.deadline is None:
            env.deadline = time.monotonic() + env.max_seconds
            env.memory_start = _peak_memory()
        tracing = sys.gettrace() is None  # never displace a debugger's or coverage's
        if tracing:
            sys.settrace(_watch(env))
        try:
            parts = []
            for part in self.root_render_func(context):
                env.output_chars += len(part)
                if env.output_chars > MAX_OUTPUT_CHARS:
                    raise TemplateLimit(f"its output is over {MAX_OUTPUT_CHARS:,} characters")
                parts.append(part)
            return "".join(parts)
        except Exception:
            env.handle_exception()  # raises, its traceback pointing at template lines
        finally:
            if tracing:
                sys.settrace(None)


def template_error(
    template: str | Path, error: Exception, tag: str | None = None, *, lines: bool = True
) -> TemplateError:
    """The one-line :class:`~briefgen.errors.TemplateError` for ``error``, raised while
    parsing or rendering ``template``: what went wrong and, where known, the tag or the
    line (``lines=False`` where the template's lines mean nothing to its writer: docxtpl
    renders a Word template's XML, not what its writer sees)."""
    if isinstance(error, TemplateSyntaxError):
        problem = error.message or str(error)
    elif isinstance(error, TemplateLimit):
        problem = f"stopped: {error}"
    elif isinstance(error, JinjaError):
        problem = str(error)
    else:  # an expression failed: {{ 1/0 }}, a recursive macro, a MemoryError
        problem = f"{error} ({type(error).__name__})" if str(error) else type(error).__name__
    line = template_line(error) if lines and not tag else None
    return TemplateError(template, " ".join(problem.split()), line=line, tag=tag)


def template_line(error: BaseException) -> int | None:
    """The template line ``error`` was raised on, when its traceback says."""
    line = getattr(error, "lineno", None)  # a TemplateSyntaxError knows its own
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _watch(env: BoundedSandbox) -> Callable[[FrameType, str, Any], Any]:
    """A trace function that checks time and memory on each line of ``env``'s templates
    (and lets every other frame run untraced)."""
    assert env.deadline is not None and env.memory_start is not None
    deadline, memory_limit = env.deadline, env.memory_start + env.max_memory_bytes

    def on_line(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            if time.monotonic() > deadline:
                raise TemplateLimit(f"it ran for over {env.max_seconds:g} s")
            if _peak_memory() > memory_limit:
                raise TemplateLimit(
                    f"it took over {env.max_memory_bytes // 1_000_000:,} MB of memory"
                )
        return on_line

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        return on_line if frame.f_globals.get("environment") is env else None

    return on_call


def _peak_memory() -> int:
    """The process's peak resident memory in bytes (0 where it cannot be read)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS counts bytes, Linux kB


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` into :meth:`BoundedSandbox.concat_within_limit`."""

    def visit_Concat(self, node: Any, frame: Any) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.concat_within_limit({join}, (")
        for item in node.nodes:
            self.visit(item, frame)
            self.write(", ")
        self.write("))")


def _check(size: int, what: str, unit: str = "characters") -> None:
    if size > MAX_OUTPUT_CHARS:
        raise TemplateLimit(
            f"{what} would make {size:,} {unit} (the limit is {MAX_OUTPUT_CHARS:,})"
        )


def _bounded(
    function: Callable[..., Any], name: str, estimate: Callable[..., int]
) -> Callable[..., Any]:
    """``function`` (a filter or global) refusing calls whose result ``estimate`` says
    would be too long; the estimate gets the same arguments (less an eval context)."""
    passes_context = getattr(function, "jinja_pass_arg", None) is not None

    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        given = args[1:] if passes_context else args
        if name in ("join", "batch", "slice") and given:  # an iterator is read once
            given = (list(given[0]), *given[1:])
            args = (*args[: len(args) - len(given)], *given)
        _check(estimate(*given, **kwargs), name if name.endswith(")") else f"the {name} filter")
        return function(*args, **kwargs)

    return bounded


def _replaced(text: Any, old: Any, new: Any, count: Any = -1, *_: Any) -> int:
    text, old, new = str(text), str(old), str(new)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * len(new)


def _joined(items: list[Any], d: Any = "", attribute: Any = None) -> int:
    """The length of ``items`` joined by ``d`` (the join filter's names), each item's
    ``attribute`` (``name``, ``title.english``, ``0``) where one is given."""
    if attribute is not None:
        items = [_attribute(item, attribute) for item in items]
    return sum(len(str(item)) for item in items) + len(str(d)) * max(len(items) - 1, 0)


def _attribute(item: Any, attribute: Any) -> Any:
    for part in str(attribute).split("."):
        if isinstance(item, dict):
            item = item.get(int(part) if part.isdigit() and int(part) in item else part)
        elif isinstance(item, list | tuple | str) and part.isdigit():
            item = item[int(part)] if int(part) < len(item) else None
        elif not part.startswith("_"):
            item = getattr(item, part, None)
        else:
            return None
    return item


def _number(value: Any) -> int:
    return value if isinstance(value, int) else len(str(value))


def _percent_size(template: str, values: Any) -> int:
    """An upper bound on the widths ``template % values`` pads to (``%*d`` takes its
    width from ``values``)."""
    size = len(template)
    for width, precision in _PERCENT_FIELD.findall(template):
        for number in (width, precision):
            if number == "*":
                numbers = values if isinstance(values, tuple) else (values,)
                size += sum(abs(n) for n in numbers if isinstance(n, int))
            elif number:
                size += int(number)
    return size + sum(len(str(v)) for v in (values if isinstance(values, tuple) else (values,)))


def _format_size(template: str, *args: Any, **kwargs: Any) -> int:
    """An upper bound on ``template.format(...)``'s length: its text, its values, and
    the widths its fields pad to (a nested ``{:{width}}`` takes them from the values)."""
    size = len(template)
    values = [*args, *kwargs.values()]
    for _, _, spec, _ in string.Formatter().parse(template):
        size += sum(int(n) for n in re.findall(r"\d+", spec or ""))
        if spec and "{" in spec:
            size += sum(abs(v) for v in values if isinstance(v, int))
    return size + sum(len(str(v)) for v in values)


def _mapping_format_size(template: str, mapping: Any = None) -> int:
    return _format_size(template, **(dict(mapping) if mapping else {}))


# A string method's result length, given the string and the call's arguments.
_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "center": lambda s, width=0, *_: max(len(s), _number(width)),
    "ljust": lambda s, width=0, *_: max(len(s), _number(width)),
    "rjust": lambda s, width=0, *_: max(len(s), _number(width)),
    "zfill": lambda s, width=0: max(len(s), _number(width)),
    "expandtabs": lambda s, tabsize=8: (
        len(s) + s.count("\t" if isinstance(s, str) else b"\t") * max(_number(tabsize), 0)
    ),
    "replace": _replaced,
    "join": lambda s, items=(): _joined(list(items), s),
    "format": _format_size,
    "format_map": _mapping_format_size,
}
# A filter's result length, given its arguments.
_FILTER_SIZES: dict[str, Callable[..., int]] = {
    "center": lambda value, width=80: max(len(str(value)), _number(width)),
    "indent": lambda s, width=4, *_, **__: len(str(s)) + (str(s).count("\n") + 1) * _number(width),
    "wordwrap": lambda s, width=79, break_long_words=True, wrapstring=None, *_, **__: (
        len(str(s))
        + (len(str(s)) // max(_number(width), 1) + str(s).count(" ") + 1) * len(wrapstring or "\n")
    ),
    "join": _joined,
    "replace": _replaced,
    "format": lambda value, *args, **kwargs: _percent_size(str(value), kwargs or tuple(args)),
    "batch": lambda value, linecount, fill_with=None: len(value) + max(_number(linecount), 0),
    "slice": lambda value, slices, fill_with=None: len(value) + max(_number(slices), 0),
    "tojson": lambda value, indent=None: _json_indent(indent),
}


def _json_indent(indent: Any) -> int:
    """0 for an indent ``tojson`` may use (every line of its output repeats it)."""
    if indent is not None and _number(indent) > MAX_JSON_INDENT:
        raise TemplateLimit(f"tojson indents by at most {MAX_JSON_INDENT}")
    return 0
