/**
 * Redacted exports, for handing a workflow or workspace to people who must not see HR data. Pure: it takes
 * an exported document and returns a new one that still validates and analyses, with a manifest of what was
 * removed (redactionManifest.ts).
 *
 * - "outside-hr" drops people (names and their own levels), steps' owners (a person's name) and costs per
 *   hour. A role's cost per hour becomes 0 with `costRedacted: true`, so the file stays valid and the app
 *   shows its costs as "redacted", never as 0.
 * - "public" also renames roles Role A, Role B… (their ids too, and their names wherever they appear in the
 *   remaining text: workflow and step names, connection labels, AI tools), and drops every description and
 *   note.
 */
import type { Role, Step, Workflow } from '../model/schema';
import type { CoarchitectDocument } from './document';
import { WORKFLOW_FORMAT } from './document';
import { REDACTED_FIELDS } from './redactionManifest';
import type { RedactedField, RedactedLevel, RedactionEntry, RedactionManifest } from './redactionManifest';

export type { RedactedLevel } from './redactionManifest';
export type RedactionLevel = 'full' | RedactedLevel;

/** The three levels as the export dialog offers them, each with what it removes. */
export const REDACTION_CHOICES: readonly { level: RedactionLevel; label: string; removes: string }[] = [
  {
    level: 'full',
    label: 'Full',
    removes: 'Nothing is removed: people, their skill levels, costs and notes are all in the file.',
  },
  {
    level: 'outside-hr',
    label: 'Share outside HR',
    removes:
      'Removes people (names and their own skill levels), the owners named on steps and every cost per hour; costs show as "redacted". Team skill levels, times, volumes and AI costs stay.',
  },
  {
    level: 'public',
    label: 'Public',
    removes:
      'Removes the same as "Share outside HR", renames roles Role A, Role B… throughout the file, and removes every description and note.',
  },
];

/** "Role A" … "Role Z", "Role AA" …: spreadsheet-style letters, so any number of roles gets a name. */
export function roleAlias(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Role ${letters}`;
}

function aliasId(alias: string): string {
  return alias.toLowerCase().replace(/\s+/g, '-');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every whole-word occurrence of a person's name (case-insensitive) with "[person]", counting them.
 */
function personReplacer(names: readonly string[], tally: Tally): (text: string) => string {
  const unique = [...new Set(names.filter((n) => n.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return (text) => text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text) =>
    text.replace(pattern, () => {
      tally.add('Person.mentions');
      return PERSON_PLACEHOLDER;
    });
}

export const PERSON_PLACEHOLDER = '[person]';

/**
 * Replaces every whole-word occurrence of a role name (case-insensitive, longest names first so "Senior
 * agent" wins over "agent") with its alias.
 */
function nameReplacer(aliases: ReadonlyMap<string, string>): (text: string) => string {
  const names = [...aliases.keys()].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  if (names.length === 0) return (text) => text;
  const lower = new Map([...aliases].map(([name, alias]) => [name.toLowerCase(), alias]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text) => text.replace(pattern, (match) => lower.get(match.toLowerCase()) ?? match);
}

class Tally {
  private readonly counts = new Map<RedactedField, number>();
  add(field: RedactedField, n = 1): void {
    if (n > 0) this.counts.set(field, (this.counts.get(field) ?? 0) + n);
  }
  entries(): RedactionEntry[] {
    // In the order of REDACTED_FIELDS, so the manifest reads the same whatever the data.
    return REDACTED_FIELDS.flatMap((field) => {
      const count = this.counts.get(field);
      return count === undefined ? [] : [{ field, count, description: DESCRIPTIONS[field] }];
    });
  }
}

const DESCRIPTIONS: Record<RedactedField, string> = {
  'Role.people': 'People on roles removed (names and ids).',
  'Person.levels': 'Per-person skill levels removed.',
  'Person.mentions': 'Names of people in names, descriptions, notes and labels replaced by "[person]".',
  'Step.owner': 'Owners named on steps removed (left empty).',
  'Role.costPerHour': 'Costs per hour removed; written as 0 with costRedacted, shown as "redacted".',
  'Role.name': 'Roles renamed Role A, Role B… (ids and mentions in names and labels too).',
  'Workflow.description': 'Workflow descriptions removed.',
  'Step.description': 'Step descriptions removed.',
  'Step.notes': 'Step notes removed.',
  'LearningPlanItem.notes': 'Learning plan notes removed.',
  'Skill.description': 'Descriptions of your own skills removed.',
};

/** The steps without their owner (a person's name), counting the owners removed. */
function withoutOwners(wf: Workflow, tally: Tally): Workflow {
  return {
    ...wf,
    steps: wf.steps.map((s): Step => {
      if ((s.type !== 'task' && s.type !== 'review') || s.owner === '') return s;
      tally.add('Step.owner');
      return { ...s, owner: '' };
    }),
  };
}

const ownersOf = (workflows: readonly Workflow[]): string[] =>
  workflows.flatMap((wf) =>
    wf.steps.flatMap((s) => ((s.type === 'task' || s.type === 'review') && s.owner !== '' ? [s.owner] : [])),
  );

function redactRoles(roles: readonly Role[], tally: Tally): Role[] {
  return roles.map((role) => {
    tally.add('Role.people', role.people.length);
    tally.add(
      'Person.levels',
      role.people.reduce((n, p) => n + p.levels.length, 0),
    );
    tally.add('Role.costPerHour');
    return { ...role, people: [], costPerHour: 0, costRedacted: true };
  });
}

interface PublicRenames {
  roleId(id: string): string;
  text(text: string): string;
}

function publicRenames(roles: readonly Role[]): { renames: PublicRenames; aliases: Map<string, string> } {
  const aliasById = new Map<string, string>();
  const aliasByName = new Map<string, string>();
  roles.forEach((role, i) => {
    const alias = roleAlias(i);
    aliasById.set(role.id, alias);
    aliasByName.set(role.name, alias);
  });
  const replace = nameReplacer(aliasByName);
  return {
    aliases: aliasById,
    renames: {
      roleId: (id) => {
        const alias = aliasById.get(id);
        return alias === undefined ? id : aliasId(alias);
      },
      text: replace,
    },
  };
}

/** The workflow with `text` applied to every free text in it (names, descriptions, notes, labels, AI tools). */
function mapWorkflowText(wf: Workflow, text: (t: string) => string): Workflow {
  return {
    ...wf,
    name: text(wf.name),
    description: text(wf.description),
    steps: wf.steps.map((s): Step => {
      const base = { ...s, name: text(s.name), description: text(s.description), notes: text(s.notes) };
      return base.type === 'task' ? { ...base, aiTool: text(base.aiTool) } : base;
    }),
    edges: wf.edges.map((e) => ({ ...e, label: text(e.label) })),
    learningPlan: wf.learningPlan.map((item) => ({ ...item, notes: text(item.notes) })),
    story:
      wf.story === null
        ? null
        : {
            ...wf.story,
            nextSteps: text(wf.story.nextSteps),
            slides: wf.story.slides.map((slide) => ({ ...slide, notes: text(slide.notes) })),
          },
  };
}

function publicStep(step: Step, r: PublicRenames, tally: Tally): Step {
  if (step.description !== '') tally.add('Step.description');
  if (step.notes !== '') tally.add('Step.notes');
  const base = { ...step, description: '', notes: '' };
  if (base.type !== 'task' && base.type !== 'review') return base;
  return {
    ...base,
    roleId: base.roleId === null ? null : r.roleId(base.roleId),
    coaching:
      base.coaching === null
        ? null
        : {
            ...base.coaching,
            coachRoleId: base.coaching.coachRoleId === null ? null : r.roleId(base.coaching.coachRoleId),
          },
  };
}

function publicWorkflow(wf: Workflow, r: PublicRenames, tally: Tally): Workflow {
  if (wf.description !== '') tally.add('Workflow.description');
  const renamed = mapWorkflowText(wf, r.text);
  return {
    ...renamed,
    description: '',
    steps: renamed.steps.map((s) => publicStep(s, r, tally)),
    learningPlan: renamed.learningPlan.map((item) => {
      if (item.notes !== '') tally.add('LearningPlanItem.notes');
      return { ...item, roleId: r.roleId(item.roleId), notes: '' };
    }),
  };
}

/**
 * The document at the given level, with its manifest; "full" returns it unchanged. Never mutates its input.
 */
export function redactDocument<D extends CoarchitectDocument>(doc: D, level: RedactionLevel): D {
  if (level === 'full') return doc;
  const tally = new Tally();
  const original = doc.format === WORKFLOW_FORMAT ? [doc.workflow] : doc.workflows;
  // People's names (and owners') may also have been typed into notes or step names: those mentions go too.
  const hidePeople = personReplacer(
    [...doc.roles.flatMap((r) => r.people.map((p) => p.displayName)), ...ownersOf(original)],
    tally,
  );
  let roles = redactRoles(doc.roles, tally);
  let workflows = original.map((wf) => withoutOwners(mapWorkflowText(wf, hidePeople), tally));
  let customSkills = doc.customSkills.map((skill) => ({
    ...skill,
    description: hidePeople(skill.description),
  }));
  if (level === 'public') {
    const { renames, aliases } = publicRenames(roles);
    tally.add('Role.name', roles.length);
    roles = roles.map((role) => ({
      ...role,
      id: renames.roleId(role.id),
      name: aliases.get(role.id) ?? role.name,
    }));
    workflows = workflows.map((wf) => publicWorkflow(wf, renames, tally));
    customSkills = customSkills.map((skill) => {
      if (skill.description !== '') tally.add('Skill.description');
      return { ...skill, description: '' };
    });
  }
  const redaction: RedactionManifest = { level, removed: tally.entries() };
  const common = { roles, customSkills, redaction };
  return (
    doc.format === WORKFLOW_FORMAT
      ? { ...doc, ...common, workflow: workflows[0] ?? doc.workflow }
      : { ...doc, ...common, workflows }
  ) as D;
}

/** Whether any role the workflow's steps use had its cost per hour removed by a redacted export. */
export function costsRedacted(
  workflow: Workflow,
  roles: readonly Pick<Role, 'id' | 'costRedacted'>[],
): boolean {
  const redacted = new Set(roles.filter((r) => r.costRedacted === true).map((r) => r.id));
  if (redacted.size === 0) return false;
  return workflow.steps.some(
    (s) =>
      (s.type === 'task' || s.type === 'review') &&
      ((s.roleId !== null && redacted.has(s.roleId)) ||
        (typeof s.coaching?.coachRoleId === 'string' && redacted.has(s.coaching.coachRoleId))),
  );
}
