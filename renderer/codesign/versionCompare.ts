/** Opens the Compare panel with a version's stored model as the "before". */
import type { Version } from '../../shared/codesign/index';
import { notify } from '../store/notifications';
import { useCompare } from './compareStore';
import { versionModel } from './recordStore';

export function compareWithVersion(version: Version): void {
  const model = versionModel(version);
  if (!model.ok) {
    notify(`Version “${version.name}” cannot be compared: ${model.message}.`);
    return;
  }
  useCompare.getState().compareWith({
    label: `version “${version.name}”`,
    workflow: model.snapshot.workflow,
    roles: model.snapshot.roles,
  });
}
