"""Accessibility and phone checks of the page a browser shows.

- axe-core (the copy shipped in the PyPI package ``axe-playwright-python``), injected into
  the page and run with the WCAG 2.0/2.1 level A and AA rules;
- the page does not scroll sideways at the viewport's width;
- every control a person taps is at least 24 x 24 CSS pixels (WCAG 2.2, 2.5.8), links in
  running text included (the rule would exempt them; the package's CSS gives them room).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
MIN_TARGET = 24

# Sizes of what a person taps: visible buttons, links, inputs, selects, and the labels
# that stand for radio buttons and checkboxes. Links in running text are measured too.
_TARGETS_JS = """() => {
  const out = [];
  const seen = new Set();
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  for (const el of document.querySelectorAll('a[href], button, select, textarea, input:not([type=hidden]), label.form-check-label, label.btn')) {
    let target = el;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      const label = el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (label) target = label;
    }
    if (seen.has(target) || !visible(target)) continue;
    if (target.closest('.visually-hidden, .visually-hidden-focusable, [hidden], [aria-hidden=true]')) continue;
    seen.add(target);
    const r = target.getBoundingClientRect();
    out.push({what: (target.id ? '#' + target.id : target.tagName.toLowerCase()) + ' ' + (target.textContent || target.value || '').trim().slice(0, 40),
              width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10});
  }
  return out;
}"""


@lru_cache(maxsize=1)
def axe_source() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


@dataclass
class PageCheck:
    """What one screen showed: blocking axe violations, sideways scroll, tap targets."""
    url: str
    heading: str
    violations: list[dict[str, Any]] = field(default_factory=list)
    scroll_width: int = 0
    viewport_width: int = 0
    targets: list[dict[str, Any]] = field(default_factory=list)

    @property
    def blocking(self) -> list[str]:
        return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in self.violations if v["impact"] in BLOCKING]

    @property
    def small_targets(self) -> list[dict[str, Any]]:
        return [t for t in self.targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]

    @property
    def problems(self) -> list[str]:
        found = list(self.blocking)
        if self.scroll_width > self.viewport_width:
            found.append(f"scrolls sideways: {self.scroll_width}px wide in a {self.viewport_width}px screen")
        found += [f"tap target {t['what']!r} is {t['width']}x{t['height']}px" for t in self.small_targets]
        return [f"{self.heading!r}: {p}" for p in found]


# The page's markup without its words: two screens with the same shape get the same axe result.
_SHAPE_JS = """() => [...document.querySelectorAll('body *')].map(el => el.tagName + [...el.attributes]
  .filter(a => !['id', 'for', 'href', 'value', 'name', 'aria-labelledby', 'aria-describedby', 'data-saveas', 'src',
                 'aria-controls', 'data-bs-target', 'alt', 'title', 'aria-label', 'placeholder'].includes(a.name))
  .map(a => a.name + '=' + a.value).join(',')).join('|')"""


def check_page(page: Any, shapes_seen: set[str] | None = None) -> PageCheck:
    """Run axe and the phone checks on the page as it is now.

    With ``shapes_seen``, axe is skipped on a page whose markup (words aside) was already
    checked: the same screen again in another branch. The phone checks always run.
    """
    shape = page.evaluate(_SHAPE_JS) if shapes_seen is not None else None
    violations: list[dict[str, Any]] = []
    if shape is None or shape not in shapes_seen:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(axe_source())
        violations = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                                   "resultTypes: ['violations']})", WCAG_TAGS)["violations"]
        if shape is not None and not [v for v in violations if v["impact"] in BLOCKING]:
            shapes_seen.add(shape)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    heading = page.locator("#daMainQuestion").first.text_content() if page.locator("#daMainQuestion").count() else ""
    return PageCheck(url=page.url, heading=(heading or "").strip(), violations=violations,
                     scroll_width=widths[0], viewport_width=widths[1], targets=page.evaluate(_TARGETS_JS))
