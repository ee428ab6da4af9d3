/**
 * The Discuss tab: comment threads anchored to a step, a connection, a role or the workflow (filters open,
 * mine, mentions), replies, resolve / reopen, "Resolve as decision", and the workflow's decisions log.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  authorLabel,
  clipText,
  connectionName,
  filterThreads,
  inChainOrder,
  resolveAnchor,
  type Anchor,
  type Decision,
  type Thread,
  type ThreadFilter,
} from '../../shared/codesign/index';
import type { Workflow } from '../../shared/model/schema';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';
import { DecisionDialog } from './DecisionDialog';
import { compareWithVersion } from './versionCompare';
import { MentionText } from './MentionText';
import {
  addThread,
  recordDecision,
  reply,
  setDecisionStatus,
  setThreadStatus,
  useRecord,
  type DecisionDraft,
  versionModel,
} from './recordStore';

const FILTERS: { value: ThreadFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'mine', label: 'Mine' },
  { value: 'mentions', label: 'Mentions' },
];

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function anchorOf(key: string, workflow: Workflow, roleName: (id: string) => string): Anchor {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'step') {
    return { kind: 'step', stepId: id, name: workflow.steps.find((s) => s.id === id)?.name ?? id };
  }
  if (kind === 'edge') return { kind: 'connection', edgeId: id, name: connectionName(workflow, id) };
  if (kind === 'role') return { kind: 'role', roleId: id, name: roleName(id) };
  return { kind: 'workflow' };
}

const EMPTY_DRAFT: DecisionDraft = {
  title: '',
  context: '',
  options: [],
  decision: '',
  rationale: '',
  status: 'accepted',
  links: { stepIds: [], threadIds: [], versionIds: [] },
};

export function DiscussPanel({ workflow }: { workflow: Workflow }) {
  const roles = useWorkspace((s) => s.roles);
  const threads = useRecord((s) => s.threads);
  const decisions = useRecord((s) => s.decisions);
  const profile = useRecord((s) => s.profile);
  const selectedStep = useEditor((s) =>
    s.selectedStepIds.size === 1 ? [...s.selectedStepIds][0] : undefined,
  );
  const selectedEdge = useEditor((s) =>
    s.selectedEdgeIds.size === 1 ? [...s.selectedEdgeIds][0] : undefined,
  );
  const [filter, setFilter] = useState<ThreadFilter>('all');
  const [anchor, setAnchor] = useState('workflow');
  const [text, setText] = useState('');
  const [deciding, setDeciding] = useState<{ draft: DecisionDraft; threadId: string | null } | null>(null);
  // The comment goes where the user is: the selected step or connection.
  useEffect(() => {
    setAnchor(selectedStep ? `step:${selectedStep}` : selectedEdge ? `edge:${selectedEdge}` : 'workflow');
  }, [selectedStep, selectedEdge]);

  const names = useMemo(() => {
    const all = new Set<string>();
    for (const t of threads) for (const c of t.comments) all.add(c.author.name);
    if (profile) all.add(profile.name);
    return [...all];
  }, [threads, profile]);
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const shown = filterThreads(threads, filter, profile).sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const usedRoleIds = new Set(
    workflow.steps.flatMap((s) => ((s.type === 'task' || s.type === 'review') && s.roleId ? [s.roleId] : [])),
  );

  const submit = async () => {
    if (!text.trim()) return;
    const created = await addThread(workflow.id, anchorOf(anchor, workflow, roleName), text);
    if (created) setText('');
  };

  const resolveAsDecision = (thread: Thread) => {
    const first = thread.comments[0]?.text ?? '';
    const stepIds = thread.anchor.kind === 'step' ? [thread.anchor.stepId] : [];
    setDeciding({
      threadId: thread.id,
      draft: {
        ...EMPTY_DRAFT,
        title: clipText(first, 80),
        context: thread.comments.map((c) => `${c.author.name}: ${c.text}`).join('\n'),
        decision: thread.comments.length > 1 ? (thread.comments.at(-1)?.text ?? '') : '',
        links: { stepIds, threadIds: [thread.id], versionIds: [] },
      },
    });
  };

  return (
    <section className="discuss" aria-label="Discuss">
      <h3>Comments</h3>
      <form
        className="new-comment"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>Comment on</span>
          <select value={anchor} onChange={(e) => setAnchor(e.target.value)}>
            <option value="workflow">The workflow</option>
            <optgroup label="Steps">
              {workflow.steps.map((s) => (
                <option key={s.id} value={`step:${s.id}`}>
                  Step: {s.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Connections">
              {workflow.edges.map((e) => (
                <option key={e.id} value={`edge:${e.id}`}>
                  Connection: {connectionName(workflow, e.id)}
                </option>
              ))}
            </optgroup>
            <optgroup label="Roles">
              {roles
                .filter((r) => usedRoleIds.has(r.id))
                .map((r) => (
                  <option key={r.id} value={`role:${r.id}`}>
                    Role: {r.name}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>New comment</span>
          <textarea
            rows={3}
            value={text}
            maxLength={10_000}
            placeholder="Mention @CTO, @CHRO or a name"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!text.trim()}>
          Add comment
        </button>
      </form>

      <div className="thread-filters" role="group" aria-label="Show threads">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
          >
            {f.label}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p>{threads.length === 0 ? 'No comments yet.' : 'No threads match this filter.'}</p>
      ) : (
        <ul className="threads" aria-label="Threads">
          {shown.map((t) => (
            <ThreadItem
              key={t.id}
              thread={t}
              workflow={workflow}
              names={names}
              onDecide={() => resolveAsDecision(t)}
            />
          ))}
        </ul>
      )}

      <DecisionsLog
        workflowId={workflow.id}
        decisions={decisions}
        onAdd={() => setDeciding({ draft: EMPTY_DRAFT, threadId: null })}
      />
      <DecisionDialog
        open={deciding !== null}
        initial={deciding?.draft ?? EMPTY_DRAFT}
        onCancel={() => setDeciding(null)}
        onConfirm={(draft) => {
          const threadId = deciding?.threadId ?? null;
          setDeciding(null);
          void recordDecision(workflow.id, draft, threadId);
        }}
      />
    </section>
  );
}

/** Opens Compare against the newest version whose model still has the thread's (removed) step. */
function compareWithLastHaving(thread: Thread): void {
  if (thread.anchor.kind !== 'step') return;
  const stepId = thread.anchor.stepId;
  const newestFirst = inChainOrder(useRecord.getState().versions).reverse();
  for (const v of newestFirst) {
    const model = versionModel(v);
    if (model.ok && model.snapshot.workflow.steps.some((s) => s.id === stepId)) {
      compareWithVersion(v);
      return;
    }
  }
  notify(`No saved version has the step '${thread.anchor.name}'.`);
}

function ThreadItem({
  thread,
  workflow,
  names,
  onDecide,
}: {
  thread: Thread;
  workflow: Workflow;
  names: readonly string[];
  onDecide(): void;
}) {
  const roles = useWorkspace((s) => s.roles);
  const decision = useRecord((s) => s.decisions.find((d) => d.id === thread.decisionId));
  const where = resolveAnchor(thread.anchor, workflow, roles);
  const [answer, setAnswer] = useState('');
  const label = `Thread ${where.label}`;
  return (
    <li className={`thread ${thread.status}`} aria-label={label}>
      <div className="thread-head">
        {where.stepId ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              const editor = useEditor.getState();
              editor.selectOnly([where.stepId!]);
              editor.focusStep(where.stepId!);
            }}
          >
            {where.label}
          </button>
        ) : (
          <span>
            {where.label}
            {where.gone && ' (shown at workflow level)'}
            {where.gone && thread.anchor.kind === 'step' && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => compareWithLastHaving(thread)}>
                  Compare with the last version that had it
                </button>
              </>
            )}
          </span>
        )}
        <span className="thread-status">
          {thread.status === 'open'
            ? 'Open'
            : decision
              ? `Resolved as decision “${decision.title}”`
              : 'Resolved'}
        </span>
      </div>
      <ol className="comments" aria-label="Comments">
        {thread.comments.map((c) => (
          <li key={c.id}>
            <span className="comment-meta">
              {authorLabel(c.author)} · {when(c.createdAt)}
            </span>
            <p className="comment-text">
              <MentionText text={c.text} names={names} />
            </p>
          </li>
        ))}
      </ol>
      <form
        className="reply"
        onSubmit={(e) => {
          e.preventDefault();
          if (!answer.trim()) return;
          void reply(thread.id, answer).then(() => setAnswer(''));
        }}
      >
        <label className="field">
          <span>Reply</span>
          <textarea rows={2} value={answer} maxLength={10_000} onChange={(e) => setAnswer(e.target.value)} />
        </label>
        <div className="thread-actions">
          <button type="submit" disabled={!answer.trim()}>
            Send reply
          </button>
          {thread.status === 'open' ? (
            <>
              <button type="button" onClick={() => void setThreadStatus(thread.id, 'resolved')}>
                Resolve
              </button>
              <button type="button" onClick={onDecide}>
                Resolve as decision…
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void setThreadStatus(thread.id, 'open')}>
              Reopen
            </button>
          )}
        </div>
      </form>
    </li>
  );
}

function DecisionsLog({
  decisions,
  onAdd,
}: {
  workflowId: string;
  decisions: readonly Decision[];
  onAdd(): void;
}) {
  const sorted = [...decisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="decisions" aria-label="Decisions">
      <h3>Decisions</h3>
      <button type="button" onClick={onAdd}>
        Record a decision…
      </button>
      {sorted.length === 0 ? (
        <p>No decisions recorded yet.</p>
      ) : (
        <ul aria-label="Decisions log">
          {sorted.map((d) => (
            <li key={d.id} className={`decision ${d.status}`} aria-label={`Decision: ${d.title}`}>
              <strong>{d.title}</strong> <span className="decision-status">{d.status}</span>
              <div className="comment-meta">
                {authorLabel(d.decidedBy)} · {d.date}
              </div>
              {d.decision && <p>{d.decision}</p>}
              {d.rationale && <p className="comment-meta">Why: {d.rationale}</p>}
              <label className="field inline">
                <span>Status of {d.title}</span>
                <select
                  value={d.status}
                  onChange={(e) => void setDecisionStatus(d.id, e.target.value as Decision['status'])}
                >
                  <option value="proposed">proposed</option>
                  <option value="accepted">accepted</option>
                  <option value="superseded">superseded</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
