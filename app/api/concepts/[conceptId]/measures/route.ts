import { catalogueCsvLabels } from "@/lib/concept/catalogue-labels";
import {
  catalogueCsv,
  filterCatalogue,
  loadCatalogue,
  parseCatalogueFilter,
} from "@/lib/concept/measure-catalogue";
import { conceptRoute } from "@/lib/http/concept-route";

export const dynamic = "force-dynamic";

/**
 * The measure catalogue, filtered by ?field, organisation, status, priority, budget (yes|no)
 * and q (search); JSON, or CSV with ?format=csv. Any member may read it.
 */
export const GET = conceptRoute("viewer", async ({ request, db, conceptId }) => {
  const query = new URL(request.url).searchParams;
  const format = query.get("format");
  query.delete("format");
  const filter = parseCatalogueFilter(query);
  const rows = filterCatalogue(await loadCatalogue({ db, conceptId }), filter);
  if (format !== "csv") return Response.json(rows);
  return new Response(catalogueCsv(rows, await catalogueCsvLabels()), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="massnahmen-${conceptId.slice(0, 8)}.csv"`,
    },
  });
});
