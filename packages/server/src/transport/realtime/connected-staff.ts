import type { Server } from 'socket.io';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import type { ConnectedStaff } from '../../features/reports/read-wallboard.ts';
import { departmentRoom, everyDepartmentRoom } from './rooms.ts';

/**
 * Who has the console open now, from the agent sockets' rooms (on every node with the Redis
 * adapter): staff of these departments, and those who work in every department.
 */
export function connectedStaffOf(io: Server, allDepartments: () => readonly string[]): ConnectedStaff {
  return async (organisationId, departments) => {
    const rooms = [
      everyDepartmentRoom(organisationId),
      ...(departments ?? allDepartments()).map((id) => departmentRoom(organisationId, id)),
    ];
    const sockets = await io.of('/agent').in(rooms).fetchSockets();
    return sockets.map((socket) => {
      const staff = socket.data.staff as StaffPrincipal;
      return { staffId: staff.id, role: staff.role };
    });
  };
}
