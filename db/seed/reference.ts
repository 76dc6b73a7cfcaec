import { type Kysely, sql } from 'kysely';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import type { Database } from '../schema';

/** Upserts the signal category tree from the catalogue in lib/signals/categories.ts. */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  const rows = SIGNAL_CATEGORIES.flatMap((category, index) => [
    { code: category.code, parent_code: null, name_nl: category.nl, name_en: category.en, sort_order: index * 100 },
    ...category.subcategories.map((sub, subIndex) => ({
      code: sub.code,
      parent_code: category.code,
      name_nl: sub.nl,
      name_en: sub.en,
      sort_order: index * 100 + subIndex + 1,
    })),
  ]);
  await db
    .insertInto('signal_categories')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        parent_code: (eb) => eb.ref('excluded.parent_code'),
        name_nl: (eb) => eb.ref('excluded.name_nl'),
        name_en: (eb) => eb.ref('excluded.name_en'),
        sort_order: (eb) => eb.ref('excluded.sort_order'),
      })
        .where(sql<boolean>`(signal_categories.parent_code, signal_categories.name_nl, signal_categories.name_en, signal_categories.sort_order)
        IS DISTINCT FROM (excluded.parent_code, excluded.name_nl, excluded.name_en, excluded.sort_order)`),
    )
    .execute();
}
