import { z } from 'zod';
import {
  AddOpeningExceptionBody,
  OpeningException,
  OpeningExceptionParams,
  OpeningExceptionsResponse,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { addOpeningException } from '../../features/organisations/add-opening-exception.ts';
import { listOpeningExceptions } from '../../features/organisations/list-opening-exceptions.ts';
import { removeOpeningException } from '../../features/organisations/remove-opening-exception.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/** Closures and special hours set by administrators (issue 11, ADR 47); the settings file keeps the weekly hours. */
export function registerOpeningHoursRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'opening-hours';
  api.route(
    {
      method: 'GET',
      url: '/api/opening-hours/exceptions',
      summary: 'Closures and special hours set in the console that are not over yet, and the departments',
      tag,
      access: 'admin',
      response: OpeningExceptionsResponse,
    },
    async () => listOpeningExceptions(ctx),
  );
  api.route(
    {
      method: 'POST',
      url: '/api/opening-hours/exceptions',
      summary: 'Close departments, or give them special hours, from one date to another',
      tag,
      access: 'admin',
      body: AddOpeningExceptionBody,
      response: z.object({ exception: OpeningException }),
      status: 201,
    },
    async ({ body, request }) => ({ exception: await addOpeningException(ctx, staffOf(request), body) }),
  );
  api.route(
    {
      method: 'DELETE',
      url: '/api/opening-hours/exceptions/:id',
      summary: 'Remove a closure or special hours: the usual hours apply again',
      tag,
      access: 'admin',
      params: OpeningExceptionParams,
    },
    async ({ params, request }) => {
      await removeOpeningException(ctx, staffOf(request), params.id);
    },
  );
}
