// @vitest-environment jsdom
// What slides show of people: names and costs per hour only when the story switches them on, and a slide
// without its data says why instead of showing blanks.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { skillIndex } from '../../../shared/ontology';
import { generateStory } from '../../../shared/story/generate';
import { defaultStory } from '../../../shared/story/schema';
import { SlideBody } from '../../../renderer/present/SlideBody';

afterEach(cleanup);

function story() {
  const ws = customerSupportExample();
  const generated = generateStory({
    toBe: ws.workflows.find((w) => w.kind === 'to-be')!,
    asIs: ws.workflows.find((w) => w.kind === 'as-is')!,
    roles: ws.roles,
    skills: skillIndex(ws.customSkills),
  });
  return { ws, generated };
}

function renderSlide(kind: string, privacy: { showNames: boolean; showCosts: boolean }) {
  const { ws, generated } = story();
  const slide = generated.slides.find((s) => s.kind === kind)!;
  render(
    <SlideBody
      slide={slide}
      context={{ story: { ...defaultStory(), ...privacy }, roles: ws.roles, diagram: () => null }}
    />,
  );
  return ws;
}

describe('SlideBody', () => {
  it('hides person names and costs per hour on the title slide by default', () => {
    const ws = renderSlide('title', { showNames: false, showCosts: false });
    const text = document.body.textContent ?? '';
    expect(text).toContain('Support agent (18)');
    expect(text).not.toContain('Maria Lopez');
    expect(text).not.toContain('per hour');
    expect(ws.roles.some((r) => r.people.length > 0)).toBe(true);
  });

  it('shows them when the story allows', () => {
    const ws = renderSlide('title', { showNames: true, showCosts: true });
    const senior = ws.roles.find((r) => r.name === 'Senior agent / reviewer')!;
    const text = document.body.textContent ?? '';
    expect(text).toContain('Maria Lopez');
    expect(text).toContain(`${senior.costPerHour.toFixed(2)} per hour`);
  });

  it('figures come from the generated story and a slide without data says why', () => {
    renderSlide('figures', { showNames: false, showCosts: false });
    const table = screen.getByRole('table', { name: 'Figures, as-is and to-be' });
    expect(table.textContent).toContain('Cycle time per case');
    cleanup();
    renderSlide('decisions', { showNames: false, showCosts: false });
    expect(document.body.textContent).toContain('No co-design data yet');
  });
});
