/**
 * F6 / Shift+F6 move focus between the page's regions (top bar, palette, diagram, side panel), as VS Code
 * and browsers do, so every region is one or two presses away however long the tab order inside one is.
 * The regions are the page's landmarks in document order; which is current follows the focus.
 */

const LANDMARKS = 'header, main, aside, [role="banner"], [role="main"], [role="complementary"]';
const TABBABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function isShown(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** The visible landmarks, outermost only (a header inside an aside is part of the aside's region). */
export function pageRegions(root: ParentNode = document): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(LANDMARKS)].filter(isShown);
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

/** Where focus should land in a region: the selected step on the diagram, else its first control. */
function entryPoint(region: HTMLElement): HTMLElement {
  const step =
    region.querySelector<HTMLElement>('.react-flow__node.selected') ??
    region.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]');
  if (step) return step;
  const first = [...region.querySelectorAll<HTMLElement>(TABBABLE)].find(isShown);
  if (first) return first;
  if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
  return region;
}

/** Moves focus to the next (or previous) region, wrapping around; returns the region it went to. */
export function focusNextRegion(direction: 1 | -1, root: ParentNode = document): HTMLElement | null {
  const regions = pageRegions(root);
  if (regions.length === 0) return null;
  const active = document.activeElement;
  const current = regions.findIndex((r) => active instanceof Node && r.contains(active));
  const next =
    current === -1
      ? direction === 1
        ? 0
        : regions.length - 1
      : (current + direction + regions.length) % regions.length;
  const region = regions[next]!;
  entryPoint(region).focus();
  return region;
}
