/**
 * Who uses the inspection assistant: examiners (and admins) make records; instructors read the
 * records an examiner's accepted supervision grant opens to them. The server decides; these only choose what the interface offers.
 */
import { INSPECTING, type Role, type SessionUser } from '../../domain/roles';

export { INSPECTING };
/** Who sees the Inspect page: those who inspect, and instructors (supervisors under a grant). */
export const INSPECT_PAGE: readonly Role[] = [...INSPECTING, 'instructor'];

export const canInspect = (user: SessionUser | null) => !!user && INSPECTING.includes(user.role);
