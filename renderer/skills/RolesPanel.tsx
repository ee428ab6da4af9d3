/** The workspace's roles: who does the work, how many of them, their weekly hours and their cost. */
import { Plus, Trash2 } from 'lucide-react';
import { stepsUsingRole } from '../../shared/model/operations';
import type { Role } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';
import { NumberField, TextField } from '../ui/fields';

export function RolesPanel() {
  const roles = useWorkspace((s) => s.roles);
  const workflows = useWorkspace((s) => s.workflows);
  const { addRole, updateRole, deleteRole } = useWorkspace.getState();
  const save = (role: Role) =>
    void updateRole(role).catch((e: Error) => notify(`Could not save the role: ${e.message}`, 'error'));
  return (
    <div className="roles-panel">
      <p className="muted small">Roles are shared by all workflows of this workspace.</p>
      <ul className="role-list" aria-label="Roles">
        {roles.map((role) => {
          const uses = stepsUsingRole(workflows, role.id);
          return (
            <li key={role.id} className="role-card" aria-label={`Role ${role.name}`}>
              <TextField
                label="Role name"
                required
                value={role.name}
                onCommit={(name) => save({ ...role, name: name.trim() })}
              />
              <div className="row3">
                <NumberField
                  label="Headcount"
                  bound="headcount"
                  step={1}
                  value={role.headcount}
                  onCommit={(headcount) => save({ ...role, headcount })}
                />
                <NumberField
                  label="Hours per person"
                  bound="hoursPerWeek"
                  unit="per week"
                  value={role.hoursPerWeek}
                  onCommit={(hoursPerWeek) => save({ ...role, hoursPerWeek })}
                />
                <NumberField
                  label="Cost"
                  bound="costPerHour"
                  unit="per hour"
                  value={role.costPerHour}
                  onCommit={(costPerHour) => {
                    // A cost typed in is known again: the role is no longer "redacted".
                    const { costRedacted: _known, ...rest } = role;
                    save({ ...rest, costPerHour });
                  }}
                />
              </div>
              <div className="role-footer">
                <span className="muted small">
                  Performs {uses} step{uses === 1 ? '' : 's'}
                </span>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Delete role ${role.name}`}
                  onClick={async () => {
                    const result = await deleteRole(role.id);
                    if (!result.ok) notify(result.reason ?? 'The role cannot be deleted.', 'error');
                  }}
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => void addRole()}>
        <Plus size={14} aria-hidden /> Add role
      </button>
    </div>
  );
}
