import { notFound, rootRouteId } from "@tanstack/react-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an address's `$id` can be an application's id (the API makes them UUIDs). */
export const isApplicationId = (id: string): boolean => UUID.test(id);

/**
 * The `$id` of `/student/applications/$id` and `/staff/applications/$id`: an id that cannot be
 * an application's is "page not found", said in place of the whole page (as for an unknown
 * address), rather than asked of the API.
 */
export const applicationIdParams = {
  parse: ({ id }: { id: string }): { id: string } => {
    if (!isApplicationId(id)) throw notFound({ routeId: rootRouteId });
    return { id };
  },
};
